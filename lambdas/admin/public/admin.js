/*
 * Si Bapao admin page: posts the page's forms to the JSON API with the CSRF token of the session (from
 * the page's <meta name="csrf-token">), shows the API's Indonesian message next to the form when it
 * refuses (400/409/422), and reloads the page after a change so that the server renders the new state.
 * No framework, no inline code; everything from the API is put on the page as text only.
 */
(function () {
  'use strict';

  var body = document.body;
  var root = body.getAttribute('data-root') || '';
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrfToken = csrfMeta ? csrfMeta.getAttribute('content') || '' : '';
  var texts = readTexts();
  var FLASH_KEY = 'si-bapao-admin-flash';

  function readTexts() {
    var element = document.getElementById('admin-texts');
    try {
      return element ? JSON.parse(element.textContent || '{}') : {};
    } catch {
      return {};
    }
  }

  function text(name, fallback) {
    return typeof texts[name] === 'string' ? texts[name] : fallback;
  }

  /** Calls `api/<path>`; resolves with the status, the parsed JSON body (or {}) and the response. */
  function callApi(path, method, payload) {
    var headers = { accept: 'application/json' };
    if (payload !== undefined) headers['content-type'] = 'application/json';
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    return fetch(root + '/api/' + path, {
      method: method,
      headers: headers,
      credentials: 'same-origin',
      body: payload === undefined ? undefined : JSON.stringify(payload),
    }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return {};
        })
        .then(function (data) {
          return { status: response.status, data: data || {}, response: response };
        });
    });
  }

  function goToLogin() {
    window.location.href = root + '/login?next=' + encodeURIComponent(window.location.pathname + window.location.search);
  }

  /** The form's fields as the API wants them: lists, numbers and booleans where the markup says so. */
  function serialize(form, submitter) {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (element) {
      var name = element.name;
      if (!name || element.disabled || element.type === 'submit' || element.type === 'button') return;
      if (element.type === 'checkbox') {
        if (element.hasAttribute('data-list')) {
          if (!data[name]) data[name] = [];
          if (element.checked) data[name].push(element.value);
        } else {
          data[name] = element.checked;
        }
        return;
      }
      var value = element.type === 'password' ? element.value : element.value.trim();
      if (value === '' && element.hasAttribute('data-optional')) return;
      data[name] = element.hasAttribute('data-number') ? Number(value) : value;
    });
    Object.keys(data).forEach(function (name) {
      if (Array.isArray(data[name]) && data[name].length === 0) delete data[name];
    });
    if (submitter && submitter.name) {
      data[submitter.name] = submitter.hasAttribute('data-json') ? JSON.parse(submitter.value) : submitter.value;
    }
    return data;
  }

  function errorBox(form) {
    return form.querySelector('.form-error');
  }

  function showError(form, message) {
    var box = errorBox(form);
    if (!box) {
      window.alert(message);
      return;
    }
    box.textContent = message;
    box.hidden = false;
  }

  function clearError(form) {
    var box = errorBox(form);
    if (box) {
      box.textContent = '';
      box.hidden = true;
    }
  }

  function setBusy(form, busy) {
    form.setAttribute('aria-busy', busy ? 'true' : 'false');
    Array.prototype.forEach.call(form.querySelectorAll('button'), function (button) {
      button.disabled = busy;
    });
  }

  function flash(message) {
    try {
      window.sessionStorage.setItem(FLASH_KEY, message);
    } catch {
      /* private mode: no flash */
    }
  }

  function showFlash() {
    var message;
    try {
      message = window.sessionStorage.getItem(FLASH_KEY);
      window.sessionStorage.removeItem(FLASH_KEY);
    } catch {
      return;
    }
    var main = document.getElementById('main');
    if (!message || !main) return;
    var note = document.createElement('p');
    note.className = 'flash';
    note.setAttribute('role', 'status');
    note.textContent = message;
    main.insertBefore(note, main.firstChild);
    window.setTimeout(function () {
      note.classList.add('flash-gone');
    }, 4000);
  }

  function submitLogin(form) {
    var data = serialize(form);
    clearError(form);
    setBusy(form, true);
    callApi('login', 'POST', { username: data.username || '', password: data.password || '' })
      .then(function (result) {
        if (result.status === 200) {
          window.location.href = form.getAttribute('data-next') || root + '/';
          return;
        }
        setBusy(form, false);
        showError(form, result.data.message || text('serverError', 'Terjadi kesalahan.'));
        var password = form.querySelector('input[name="password"]');
        if (password) {
          password.value = '';
          password.focus();
        }
      })
      .catch(function () {
        setBusy(form, false);
        showError(form, text('networkError', 'Tidak dapat terhubung ke server.'));
      });
  }

  function submitApiForm(form, submitter) {
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) return;
    var data = serialize(form, submitter);
    clearError(form);
    setBusy(form, true);
    callApi(form.getAttribute('data-api'), form.getAttribute('data-method') || 'POST', data)
      .then(function (result) {
        if (result.status === 401) {
          goToLogin();
          return;
        }
        setBusy(form, false);
        if (result.status >= 200 && result.status < 300) {
          if (form.getAttribute('data-success') === 'verify') {
            showVerification(result.data);
            return;
          }
          flash(text('saved', 'Tersimpan.'));
          window.location.reload();
          return;
        }
        showError(form, result.data.message || text('serverError', 'Terjadi kesalahan.'));
      })
      .catch(function () {
        setBusy(form, false);
        showError(form, text('networkError', 'Tidak dapat terhubung ke server.'));
      });
  }

  /** The proof check's answer, in the page's template, as text. */
  function showVerification(data) {
    var box = document.getElementById('verify-result');
    var template = document.getElementById('verify-template');
    var labels = document.getElementById('verify-texts');
    if (!box || !template || !labels) return;
    box.textContent = '';
    box.appendChild(template.content.cloneNode(true));
    var verdict = data.valid ? (data.current === false ? 'warn' : 'valid') : 'forged';
    box.className = 'panel verdict-' + verdict;
    var title = data.valid ? labels.getAttribute('data-valid') : labels.getAttribute('data-forged');
    box.querySelector('.verdict-title').textContent = title;
    box.querySelector('.verdict-message').textContent =
      data.message || (verdict === 'warn' ? labels.getAttribute('data-mismatch') : '');
    var registration = data.registration;
    var facts = box.querySelector('.verify-facts');
    if (!registration) {
      facts.parentNode.removeChild(facts);
    } else {
      var fill = function (field, value) {
        var element = box.querySelector('[data-field="' + field + '"]');
        if (element) element.textContent = value || '—';
      };
      fill('queueNumber', registration.queueNumber);
      box.querySelector('a[data-field="queueNumber"]').href = root + '/registrations/' + encodeURIComponent(registration.queueNumber);
      fill('name', registration.name);
      fill('service', registration.service && registration.service.name);
      fill('status', registration.status);
      fill('appointment', [registration.appointmentDate, registration.appointmentTime].filter(Boolean).join(' '));
    }
    box.hidden = false;
    var input = document.querySelector('#verify-form textarea');
    if (input) input.select();
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (form.id === 'login-form') {
      event.preventDefault();
      submitLogin(form);
    } else if (form.hasAttribute('data-api')) {
      event.preventDefault();
      submitApiForm(form, event.submitter);
    }
  });

  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('[data-logout]') : null;
    if (!button) return;
    button.disabled = true;
    callApi('logout', 'POST')
      .catch(function () {
        return undefined;
      })
      .then(function () {
        window.location.href = root + '/login';
      });
  });

  // A barcode scanner "types" the QR content and presses Enter: check it at once.
  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.key !== 'Enter' || event.shiftKey || !(target instanceof HTMLTextAreaElement)) return;
    var form = target.form;
    if (!form || form.id !== 'verify-form') return;
    event.preventDefault();
    if (typeof form.requestSubmit === 'function') form.requestSubmit();
  });

  showFlash();
})();
