/* The verify box, the review screen's date buttons and its document viewer (admin.js, part 3: the parts share window.SiBapaoAdmin). */
(function (ns) {
  'use strict';

  var callApi = ns.callApi;
  var clockTime = ns.clockTime;
  var dayDate = ns.dayDate;
  var echoDate = ns.echoDate;
  var fill = ns.fill;
  var root = ns.root;
  var checkForm = ns.checkForm;
  var clearError = ns.clearError;
  var submitApiForm = ns.submitApiForm;
  var submitLogin = ns.submitLogin;

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
    box.querySelector('.verdict-message').textContent = data.message || (verdict === 'warn' ? labels.getAttribute('data-mismatch') : '');
    var registration = data.registration;
    var facts = box.querySelector('.verify-facts');
    if (!registration) {
      facts.parentNode.removeChild(facts);
    } else {
      var put = function (field, value) {
        var element = box.querySelector('[data-field="' + field + '"]');
        if (element) element.textContent = value || '—';
      };
      put('queueNumber', registration.queueNumber);
      box.querySelector('a[data-field="queueNumber"]').href = root + '/registrations/' + encodeURIComponent(registration.queueNumber);
      put('name', registration.name);
      put('service', registration.service && registration.service.name);
      put('status', registration.status);
      put('appointment', [dayDate(registration.appointmentDate), clockTime(registration.appointmentTime)].filter(Boolean).join(' '));
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
    } else if (form.noValidate) {
      clearError(form);
      if (!checkForm(form)) event.preventDefault();
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

  // ---- Review screen: the date buttons -----------------------------------------------------------

  document.addEventListener('click', function (event) {
    var button = event.target instanceof Element ? event.target.closest('.day-pick') : null;
    if (!button || button.disabled || !button.form) return;
    var form = button.form;
    var input = form.querySelector('input[data-date]');
    if (input) {
      input.value = button.getAttribute('data-typed') || '';
      input.removeAttribute('aria-invalid');
      echoDate(input);
    }
    var time = button.getAttribute('data-time');
    var select = form.querySelector('select[name="time"]');
    if (time && select) select.value = time;
    clearError(form);
  });

  // ---- Review screen: the document viewer --------------------------------------------------------
  // On a wide screen (the office's 1366 px) two documents stand side by side and → moves on by two, so
  // that four documents take one →; on a narrower screen one at a time. `view.index` is the document the
  // tools (zoom, rotate) act on: the first of those on screen, or the one last clicked.

  var viewer = document.querySelector('[data-viewer]');
  var view = { index: 0, zoom: 1, turn: 0 };
  var ZOOMS = [0.5, 0.75, 1, 1.5, 2, 3];
  var wideScreen = window.matchMedia ? window.matchMedia('(min-width: 1200px)') : null;

  function viewerItems() {
    return viewer ? Array.prototype.slice.call(viewer.querySelectorAll('.viewer-item')) : [];
  }

  function perPage(total) {
    return wideScreen && wideScreen.matches && total > 1 ? 2 : 1;
  }

  function pageStart(index, total) {
    var size = perPage(total);
    return index - (index % size);
  }

  function applyView() {
    if (!viewer) return;
    var items = viewerItems();
    var size = perPage(items.length);
    var start = pageStart(view.index, items.length);
    var end = Math.min(items.length, start + size);
    viewer.setAttribute('data-per-page', String(size));
    items.forEach(function (item, index) {
      var shown = index >= start && index < end;
      var current = index === view.index;
      item.hidden = !shown;
      item.classList.toggle('current', shown && current && size > 1);
      if (!shown) return;
      var waiting = item.querySelector('[data-src]');
      if (waiting) {
        waiting.src = waiting.getAttribute('data-src');
        waiting.removeAttribute('data-src');
      }
      var image = item.querySelector('img');
      if (image) {
        var zoom = current ? view.zoom : 1;
        var turn = current ? view.turn : 0;
        image.style.width = zoom * 100 + '%';
        image.style.transform = turn ? 'rotate(' + turn + 'deg)' : '';
        item.classList.toggle('zoomed', zoom > 1);
      }
      if (!current) return;
      var open = viewer.querySelector('.open-tab');
      if (open) open.href = item.getAttribute('data-url') || '#';
    });
    Array.prototype.forEach.call(viewer.querySelectorAll('.viewer-tab'), function (tab) {
      var index = Number(tab.getAttribute('data-show'));
      tab.setAttribute('aria-pressed', index >= start && index < end ? 'true' : 'false');
    });
    var count = viewer.querySelector('.viewer-count');
    if (count) {
      var pair = end - start > 1;
      var template = (pair && count.getAttribute('data-of-pair')) || count.getAttribute('data-of') || '{index}/{total}';
      count.textContent = fill(template, { index: start + 1, from: start + 1, to: end, total: items.length });
    }
    viewer.setAttribute('data-zoom', String(view.zoom));
    viewer.setAttribute('data-turn', String(view.turn));
  }

  function viewerDo(action) {
    var total = viewerItems().length;
    if (!viewer || total === 0) return false;
    var zoomAt = ZOOMS.indexOf(view.zoom);
    if (action === 'next' || action === 'previous') {
      var size = perPage(total);
      var start = pageStart(view.index, total);
      var lastStart = pageStart(total - 1, total);
      var to = action === 'next' ? (start + size > lastStart ? 0 : start + size) : start === 0 ? lastStart : start - size;
      view = { index: to, zoom: 1, turn: 0 };
    } else if (action === 'zoom-in') {
      view.zoom = ZOOMS[Math.min(ZOOMS.length - 1, zoomAt + 1)];
    } else if (action === 'zoom-out') {
      view.zoom = ZOOMS[Math.max(0, zoomAt - 1)];
    } else if (action === 'rotate') {
      view.turn = (view.turn + 90) % 360;
    } else if (action === 'reset') {
      view.zoom = 1;
      view.turn = 0;
    } else {
      return false;
    }
    applyView();
    return true;
  }

  if (viewer) {
    viewer.addEventListener('click', function (event) {
      var target = event.target instanceof Element ? event.target : null;
      var tool = target ? target.closest('[data-viewer-action]') : null;
      var tab = target ? target.closest('.viewer-tab') : null;
      var item = target ? target.closest('.viewer-item') : null;
      if (tool) {
        viewerDo(tool.getAttribute('data-viewer-action'));
      } else if (tab) {
        view = { index: Number(tab.getAttribute('data-show')) || 0, zoom: 1, turn: 0 };
        applyView();
      } else if (item && !target.closest('a') && Number(item.getAttribute('data-index')) !== view.index) {
        // Of two documents side by side, the one clicked is the one zoom and rotate act on.
        view = { index: Number(item.getAttribute('data-index')) || 0, zoom: 1, turn: 0 };
        applyView();
      }
    });
    if (wideScreen && typeof wideScreen.addEventListener === 'function') wideScreen.addEventListener('change', applyView);
  }

  function typing(target) {
    return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  var VIEWER_KEYS = { ArrowRight: 'next', ArrowLeft: 'previous', '+': 'zoom-in', '=': 'zoom-in', '-': 'zoom-out', r: 'rotate', R: 'rotate', 0: 'reset' };

  document.addEventListener('keydown', function (event) {
    // Ctrl+Enter (⌘+Enter): "Simpan & berikutnya", from anywhere on the review screen, even a field.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      var saveNext = document.querySelector('form[data-action="confirm"] [data-then="next"]');
      if (saveNext && saveNext.form && typeof saveNext.form.requestSubmit === 'function') {
        event.preventDefault();
        saveNext.form.requestSubmit(saveNext);
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
    if (viewer && VIEWER_KEYS[event.key] && viewerDo(VIEWER_KEYS[event.key])) {
      event.preventDefault();
      return;
    }
    ns.listKey(event);
  });

  ns.applyView = applyView;
  ns.showVerification = showVerification;
  ns.viewer = viewer;
})((window.SiBapaoAdmin = window.SiBapaoAdmin || {}));
