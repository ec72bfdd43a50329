// The simulator page: sends what the person types to /sim/api/send and shows what the bot sent.
(function () {
  'use strict';
  var chat = document.getElementById('chat');
  var composer = document.getElementById('composer');
  var input = document.getElementById('message');
  var waIdInput = document.getElementById('wa-id');
  var nameInput = document.getElementById('profile-name');
  var statusLine = document.getElementById('status');
  var officeSelect = document.getElementById('office');
  var lastSeq = 0;
  var pollGeneration = 0;

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // WhatsApp formatting on already-escaped text: *bold*, _italic_, ~strike~, and tappable links.
  function format(text) {
    var html = escapeHtml(text);
    html = html.replace(/(https?:\/\/[^\s&<>]+(?:&amp;[^\s&<>]+)*)/g, function (url) {
      return '<a href="' + url + '" target="_blank" rel="noopener">' + url + '</a>';
    });
    html = html.replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1<strong>$2</strong>');
    html = html.replace(/(^|[\s(])_([^_\n]+)_/g, '$1<em>$2</em>');
    html = html.replace(/(^|[\s(])~([^~\n]+)~/g, '$1<del>$2</del>');
    return html;
  }

  function documentLink(doc) {
    return '📄 <a class="document" href="' + escapeHtml(doc.link || '#') + '" target="_blank" rel="noopener">' + escapeHtml(doc.filename || 'dokumen') + '</a>';
  }

  function time(at) {
    var date = at ? new Date(at) : new Date();
    return date.toLocaleTimeString('id-ID', { hour: '2-digit', minute: '2-digit' });
  }

  function addBubble(direction, html, at) {
    var bubble = document.createElement('div');
    bubble.className = 'bubble ' + direction;
    bubble.innerHTML = html + '<span class="meta">' + time(at) + '</span>';
    chat.appendChild(bubble);
    chat.scrollTop = chat.scrollHeight;
    return bubble;
  }

  function addOptions(bubble, label, options) {
    var box = document.createElement('div');
    box.className = 'options';
    var caption = document.createElement('span');
    caption.className = 'label';
    caption.textContent = label;
    box.appendChild(caption);
    options.forEach(function (option) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'option';
      button.dataset.id = option.id;
      button.textContent = option.title;
      if (option.description) {
        var small = document.createElement('small');
        small.textContent = option.description;
        button.appendChild(small);
      }
      button.addEventListener('click', function () {
        send(option.send, option.title);
      });
      box.appendChild(button);
    });
    bubble.insertBefore(box, bubble.querySelector('.meta'));
  }

  // A WhatsApp Flow: the button under the message opens the Flow's screen as a form, drawn from its JSON
  // the way WhatsApp draws it; submitting sends the Footer's `complete` payload back as an nfm_reply.
  function addFlowButton(bubble, parameters) {
    var box = document.createElement('div');
    box.className = 'options';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'option flow-cta';
    button.textContent = parameters.flow_cta;
    button.addEventListener('click', function () {
      fetch('/sim/api/flows/' + encodeURIComponent(parameters.flow_name || parameters.flow_id || ''))
        .then(function (response) {
          return response.ok ? response.json() : Promise.reject(new Error('flow'));
        })
        .then(function (flow) {
          openFlow(flow, parameters);
        })
        .catch(function () {
          statusLine.textContent = 'Formulir tidak ditemukan';
        });
    });
    box.appendChild(button);
    bubble.insertBefore(box, bubble.querySelector('.meta'));
  }

  function components(children) {
    var all = [];
    children.forEach(function (child) {
      all.push(child);
      if (child.type === 'Form') all = all.concat(components(child.children));
    });
    return all;
  }

  function openFlow(flow, parameters) {
    var screenId = parameters.flow_action_payload && parameters.flow_action_payload.screen;
    var screen =
      flow.screens.filter(function (candidate) {
        return candidate.id === screenId;
      })[0] || flow.screens[0];
    var dialog = document.createElement('dialog');
    dialog.className = 'flow-sheet';
    dialog.setAttribute('aria-label', screen.title);
    var form = document.createElement('form');
    form.className = 'flow-form';
    form.method = 'dialog';
    var header = document.createElement('header');
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'flow-close';
    close.setAttribute('aria-label', 'Tutup');
    close.textContent = '×';
    close.addEventListener('click', function () {
      dialog.close();
      dialog.remove();
    });
    var title = document.createElement('h2');
    title.textContent = screen.title;
    header.appendChild(close);
    header.appendChild(title);
    form.appendChild(header);
    var body = document.createElement('div');
    body.className = 'flow-body';
    form.appendChild(body);
    var footer;
    components(screen.layout.children).forEach(function (component) {
      if (component.type === 'TextHeading' || component.type === 'TextSubheading' || component.type === 'TextBody') {
        var text = document.createElement(component.type === 'TextBody' ? 'p' : 'h3');
        text.textContent = component.text;
        body.appendChild(text);
      } else if (component.type === 'TextInput' || component.type === 'DatePicker') {
        var label = document.createElement('label');
        label.className = 'flow-field';
        var caption = document.createElement('span');
        caption.textContent = component.label + (component.required ? '' : ' (opsional)');
        var input = document.createElement('input');
        input.name = component.name;
        input.required = Boolean(component.required);
        if (component.type === 'DatePicker') {
          input.type = 'date';
          if (component['min-date']) input.min = component['min-date'];
          if (component['max-date']) input.max = component['max-date'];
        } else {
          var kind = component['input-type'];
          input.type = kind === 'phone' ? 'tel' : kind === 'email' ? 'email' : kind === 'password' || kind === 'passcode' ? 'password' : 'text';
          if (kind === 'number' || kind === 'passcode') input.inputMode = 'numeric';
          if (kind === 'number') input.pattern = '[0-9]*';
          if (component['min-chars']) input.minLength = component['min-chars'];
          if (component['max-chars']) input.maxLength = component['max-chars'];
        }
        label.appendChild(caption);
        label.appendChild(input);
        if (component['helper-text']) {
          var helper = document.createElement('small');
          helper.textContent = component['helper-text'];
          label.appendChild(helper);
        }
        body.appendChild(label);
      } else if (component.type === 'Footer') {
        footer = component;
      }
    });
    if (footer) {
      var submit = document.createElement('button');
      submit.type = 'submit';
      submit.className = 'flow-submit';
      submit.textContent = footer.label;
      form.appendChild(submit);
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!footer || footer['on-click-action'].name !== 'complete') return;
      var values = new FormData(form);
      var response = {};
      Object.keys(footer['on-click-action'].payload).forEach(function (key) {
        var reference = footer['on-click-action'].payload[key];
        var match = /^\$\{form\.([a-z0-9_]+)\}$/.exec(reference);
        response[key] = match ? String(values.get(match[1]) || '') : reference;
      });
      dialog.close();
      dialog.remove();
      send({ flowReply: { response: response, flowToken: parameters.flow_token } }, '📝 ' + screen.title + ': terkirim');
    });
    dialog.appendChild(form);
    document.body.appendChild(dialog);
    dialog.showModal();
    var first = form.querySelector('input');
    if (first) first.focus();
  }

  function render(message) {
    var p = message.payload;
    if (message.type === 'text') {
      addBubble('in', format(p.text.body), message.at);
    } else if (message.type === 'interactive') {
      var interactive = p.interactive;
      // A document header (the PDF proof above the confirmation's button) shows as the file, then the body.
      var header = interactive.header && interactive.header.type === 'document' ? documentLink(interactive.header.document) + '\n' : '';
      var bubble = addBubble('in', header + format(interactive.body.text), message.at);
      if (interactive.type === 'list') {
        var rows = [];
        interactive.action.sections.forEach(function (section) {
          section.rows.forEach(function (row) {
            rows.push({ id: row.id, title: row.title, description: row.description, send: { choice: { id: row.id, title: row.title } } });
          });
        });
        addOptions(bubble, interactive.action.button, rows);
      } else if (interactive.type === 'flow') {
        addFlowButton(bubble, interactive.action.parameters);
      } else if (interactive.type === 'button') {
        addOptions(
          bubble,
          '',
          interactive.action.buttons.map(function (b) {
            return { id: b.reply.id, title: b.reply.title, send: { choice: { id: b.reply.id, title: b.reply.title } } };
          }),
        );
      }
    } else if (message.type === 'document') {
      var doc = p.document;
      var html = documentLink(doc);
      if (doc.caption) html += '\n' + format(doc.caption);
      addBubble('in', html, message.at);
    } else if (message.type === 'template' && message.template) {
      // The approved template's own words, as the phone shows them, and its quick replies by their labels.
      var shown = message.template;
      var shownHtml = (shown.document ? documentLink(shown.document) + '\n' : '') + format(shown.body);
      if (shown.footer) shownHtml += '\n<small class="footer">' + escapeHtml(shown.footer) + '</small>';
      var shownBubble = addBubble('in', shownHtml, message.at);
      if (shown.buttons.length) {
        addOptions(
          shownBubble,
          '',
          shown.buttons.map(function (button) {
            return { id: button.payload, title: button.text, send: { button: { payload: button.payload, text: button.text } } };
          }),
        );
      }
    } else if (message.type === 'template') {
      var template = p.template;
      var texts = [];
      var buttons = [];
      (template.components || []).forEach(function (component) {
        (component.parameters || []).forEach(function (parameter) {
          if (parameter.type === 'text') texts.push(parameter.text);
          if (parameter.type === 'payload') buttons.push(parameter.payload);
        });
      });
      var templateBubble = addBubble('in', '<em>[template ' + escapeHtml(template.name) + ']</em>\n' + format(texts.join('\n')), message.at);
      if (buttons.length) {
        addOptions(
          templateBubble,
          '',
          buttons.map(function (payload) {
            return { id: payload, title: payload, send: { button: { payload: payload, text: payload } } };
          }),
        );
      }
    } else {
      addBubble('in', '<em>[' + escapeHtml(message.type) + ']</em>', message.at);
    }
  }

  function identity() {
    return { waId: waIdInput.value.replace(/\D/g, ''), name: nameInput.value.trim() || 'Pemohon' };
  }

  function send(content, shownText) {
    var who = identity();
    var body = Object.assign({ waId: who.waId, name: who.name }, content);
    if (officeSelect.value) body.phoneNumberId = officeSelect.value;
    addBubble('out', format(shownText));
    statusLine.textContent = '';
    return fetch('/sim/api/send', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(function (json) {
          return { ok: response.ok, json: json };
        });
      })
      .then(function (result) {
        if (!result.ok) statusLine.textContent = result.json.error || 'Gagal mengirim';
        else if (result.json.webhookStatus !== 200) statusLine.textContent = 'Webhook menjawab ' + result.json.webhookStatus;
      })
      .catch(function () {
        statusLine.textContent = 'Server tidak terjangkau';
      });
  }

  function poll(generation) {
    if (generation !== pollGeneration) return;
    var waId = identity().waId;
    var office = officeSelect.value ? '&phoneNumberId=' + encodeURIComponent(officeSelect.value) : '';
    fetch('/sim/api/messages?waId=' + encodeURIComponent(waId) + '&after=' + lastSeq + office)
      .then(function (response) {
        return response.json();
      })
      .then(function (json) {
        if (generation !== pollGeneration) return;
        json.messages.forEach(function (message) {
          lastSeq = Math.max(lastSeq, message.seq);
          render(message);
        });
        poll(generation);
      })
      .catch(function () {
        setTimeout(function () {
          poll(generation);
        }, 1000);
      });
  }

  function restart() {
    pollGeneration += 1;
    lastSeq = 0;
    chat.innerHTML = '';
    poll(pollGeneration);
  }

  composer.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    if (!text.trim()) return;
    input.value = '';
    send({ text: text }, text);
  });
  // A file sent from the "phone": the typed text, if any, becomes its caption.
  document.getElementById('attachment').addEventListener('change', function (event) {
    var file = event.target.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var base64 = String(reader.result).split(',')[1] || '';
      var caption = input.value.trim();
      input.value = '';
      var content = { file: { name: file.name, type: file.type, base64: base64 } };
      if (caption) content.caption = caption;
      send(content, '[berkas] ' + file.name + (caption ? '\n' + caption : ''));
      event.target.value = '';
    };
    reader.readAsDataURL(file);
  });
  waIdInput.addEventListener('change', restart);
  officeSelect.addEventListener('change', restart);
  // Many offices: the person chooses which office's number to write to (each its own conversation).
  fetch('/sim/api/offices')
    .then(function (response) {
      return response.json();
    })
    .then(function (json) {
      var offices = json.offices || [];
      if (offices.length < 2) return;
      offices.forEach(function (office) {
        var option = document.createElement('option');
        option.value = office.phoneNumberId;
        option.textContent = office.name;
        officeSelect.appendChild(option);
      });
      document.getElementById('office-choice').hidden = false;
    })
    .catch(function () {
      // Without the list the page writes to the default office, as with one office.
    });
  document.getElementById('identity').addEventListener('submit', function (event) {
    event.preventDefault();
  });
  restart();
})();
