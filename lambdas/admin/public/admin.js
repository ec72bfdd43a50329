/*
 * Si Bapao admin page: posts the page's forms to the JSON API with the CSRF token of the session (from
 * the page's <meta name="csrf-token">), checks them first with Indonesian messages (the forms are
 * `novalidate`: no browser-made English), shows the API's Indonesian message next to the form when it
 * refuses (400/409/422), and reloads the page after a change (or, for "Simpan & berikutnya", opens the
 * next registration) with the result in a note that stays in view. Also: dates typed as DD-MM-YYYY that
 * echo their day, the date buttons of the review screen, the document viewer and its keys, j/k/Enter
 * in lists, the phone menu, and the verify page's camera.
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
  document.documentElement.classList.add('js');

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
      if (element.hasAttribute('data-date')) value = parseTypedDate(value) || value;
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

  // ---- Dates as the office writes them ---------------------------------------------------------

  /** `07-12-2026` (also `7/12/2026`, `7.12.2026`, or `2026-12-07`) → `2026-12-07`; anything else → ''. */
  function parseTypedDate(value) {
    var text = String(value || '').trim();
    var iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    var typed = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
    var parts = iso ? [iso[1], iso[2], iso[3]] : typed ? [typed[3], typed[2], typed[1]] : null;
    if (!parts) return '';
    var year = Number(parts[0]);
    var month = Number(parts[1]);
    var day = Number(parts[2]);
    var date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return '';
    return date.toISOString().slice(0, 10);
  }

  /** `2026-12-07` → `Senin, 7 Desember 2026`. */
  function dayDate(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!parts) return iso || '';
    var date = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
    var days = texts.dayNames || [];
    var months = texts.monthNames || [];
    return (days[date.getUTCDay()] || '') + ', ' + date.getUTCDate() + ' ' + (months[date.getUTCMonth()] || '') + ' ' + date.getUTCFullYear();
  }

  function clockTime(time) {
    return time ? String(time).replace(':', '.') + ' WIB' : '';
  }

  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function exampleDate() {
    var tomorrow = new Date(Date.now() + 7 * 3600 * 1000 + 24 * 3600 * 1000).toISOString().slice(0, 10);
    return tomorrow.slice(8, 10) + '-' + tomorrow.slice(5, 7) + '-' + tomorrow.slice(0, 4);
  }

  function echoDate(input) {
    var echo = input.parentNode ? input.parentNode.querySelector('.date-echo') : null;
    var iso = parseTypedDate(input.value);
    if (echo) echo.textContent = iso ? dayDate(iso) : '';
    var form = input.form;
    if (!form) return;
    Array.prototype.forEach.call(form.querySelectorAll('.day-pick'), function (button) {
      button.setAttribute('aria-pressed', button.getAttribute('data-date') === iso ? 'true' : 'false');
    });
  }

  document.addEventListener('input', function (event) {
    var target = event.target;
    if (target instanceof HTMLInputElement && target.hasAttribute('data-date')) echoDate(target);
  });

  // ---- Checks before sending, in Indonesian ------------------------------------------------------

  function fieldName(element) {
    var label = element.closest('label');
    var span = label ? label.querySelector('span') : null;
    var legend = element.closest('fieldset') ? element.closest('fieldset').querySelector('legend') : null;
    return ((span && span.textContent) || (legend && legend.textContent) || element.name || '').trim();
  }

  /** The first problem of the form in words, with the field to go to; null when it can be sent. */
  function problemOf(form) {
    var elements = Array.prototype.slice.call(form.elements);
    for (var index = 0; index < elements.length; index += 1) {
      var element = elements[index];
      if (
        !element.name ||
        element.disabled ||
        element.type === 'submit' ||
        element.type === 'button' ||
        element.type === 'checkbox' ||
        element.type === 'hidden'
      )
        continue;
      var value = element.value.trim();
      var name = fieldName(element);
      if (value === '') {
        if (element.required) return { element: element, message: fill(text('requiredField', '{field}: wajib diisi.'), { field: name }) };
        continue;
      }
      if (element.hasAttribute('data-date')) {
        var looksLikeDate = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}$|^\d{4}-\d{2}-\d{2}$/.test(value);
        if (!looksLikeDate) return { element: element, message: fill(text('dateFormatError', ''), { example: exampleDate() }) };
        if (!parseTypedDate(value)) return { element: element, message: fill(text('dateUnreal', ''), { value: value }) };
      }
      if (element.type === 'number') {
        var number = Number(value);
        var min = element.min === '' ? -Infinity : Number(element.min);
        var max = element.max === '' ? Infinity : Number(element.max);
        if (!Number.isFinite(number) || number < min || number > max || (element.step === '1' && !Number.isInteger(number))) {
          return { element: element, message: fill(text('numberRange', ''), { field: name, min: element.min, max: element.max }) };
        }
      }
      if (element.minLength > 0 && element.value.length < element.minLength) {
        return { element: element, message: fill(text('tooShort', ''), { field: name, min: element.minLength }) };
      }
      if (element.validity && element.validity.patternMismatch) {
        return { element: element, message: element.getAttribute('data-pattern-message') || fill(text('patternMismatch', ''), { field: name }) };
      }
    }
    return null;
  }

  /** Checks the form; shows the first problem beside it and goes to the field. True when it can go. */
  function checkForm(form) {
    var problem = problemOf(form);
    if (!problem) return true;
    showError(form, problem.message);
    problem.element.setAttribute('aria-invalid', 'true');
    problem.element.focus();
    return false;
  }

  document.addEventListener('input', function (event) {
    var target = event.target;
    if (target instanceof Element && target.getAttribute('aria-invalid') === 'true') target.removeAttribute('aria-invalid');
  });

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
    if (message) toast(message);
  }

  /** A note fixed in the viewport (where the officer is looking, however far the page is scrolled). */
  function toast(message) {
    var note = document.createElement('p');
    note.className = 'flash';
    note.setAttribute('role', 'status');
    note.textContent = message;
    document.body.appendChild(note);
    window.setTimeout(function () {
      note.classList.add('flash-gone');
    }, 5000);
    window.setTimeout(function () {
      if (note.parentNode) note.parentNode.removeChild(note);
    }, 6000);
  }

  function submitLogin(form) {
    clearError(form);
    if (!checkForm(form)) return;
    var data = serialize(form);
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

  /** What was saved, in words: `KRC-001: Jadwal dikonfirmasi, Senin, 7 Desember 2026 08.15 WIB.` */
  function savedMessage(result) {
    var registration = result && result.queueNumber ? result : null;
    if (!registration) return text('saved', 'Tersimpan.');
    var status = (texts.statuses || {})[registration.status] || registration.status;
    if (registration.appointmentDate && (registration.status === 'DIKONFIRMASI' || registration.status === 'PERUBAHAN_DIMINTA')) {
      return fill(text('savedForDate', ''), {
        queue: registration.queueNumber,
        status: status,
        date: dayDate(registration.appointmentDate),
        time: clockTime(registration.appointmentTime),
      });
    }
    return fill(text('savedFor', ''), { queue: registration.queueNumber, status: status });
  }

  function submitApiForm(form, submitter) {
    clearError(form);
    if (!checkForm(form)) return;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) return;
    var data = serialize(form, submitter);
    var thenNext = Boolean(submitter && submitter.getAttribute('data-then') === 'next' && form.getAttribute('data-next'));
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
          var message = savedMessage(result.data);
          if (thenNext) {
            handOverDays(result.data && result.data.days);
            var done = form.getAttribute('data-next-done');
            flash(done ? message + ' ' + done : message);
            window.location.href = form.getAttribute('data-next');
            return;
          }
          flash(message);
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
    listKey(event);
  });

  // ---- Lists: j/k to move, Enter to open; a tap anywhere on a row opens it -----------------------

  var keyedList = document.querySelector('table[data-keys]');

  function listRows() {
    return keyedList ? Array.prototype.slice.call(keyedList.querySelectorAll('tbody tr[data-href]')) : [];
  }

  function listKey(event) {
    var rows = listRows();
    if (rows.length === 0) return;
    var current = rows.findIndex(function (row) {
      return row.getAttribute('aria-selected') === 'true';
    });
    if (event.key === 'j' || event.key === 'k') {
      var next = Math.max(0, Math.min(rows.length - 1, current < 0 ? 0 : current + (event.key === 'j' ? 1 : -1)));
      rows.forEach(function (row, index) {
        if (index === next) row.setAttribute('aria-selected', 'true');
        else row.removeAttribute('aria-selected');
      });
      rows[next].scrollIntoView({ block: 'nearest' });
      event.preventDefault();
    } else if (event.key === 'Enter' && current >= 0 && !(event.target instanceof HTMLAnchorElement) && !(event.target instanceof HTMLButtonElement)) {
      event.preventDefault();
      window.location.href = rows[current].getAttribute('data-href');
    }
  }

  document.addEventListener('click', function (event) {
    var target = event.target instanceof Element ? event.target : null;
    var row = target ? target.closest('table[data-keys] tr[data-href]') : null;
    if (!row || target.closest('a, button, input, select, textarea, label')) return;
    window.location.href = row.getAttribute('data-href');
  });

  // ---- Phone menu ---------------------------------------------------------------------------------

  var menuToggle = document.querySelector('[data-menu-toggle]');
  if (menuToggle) {
    menuToggle.hidden = false;
    menuToggle.addEventListener('click', function () {
      var open = menuToggle.getAttribute('aria-expanded') !== 'true';
      menuToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      document.documentElement.classList.toggle('nav-open', open);
    });
  }

  // ---- Verify: the camera, decoded by jsQR ------------------------------------------------------

  var camera = document.querySelector('[data-camera]');
  if (camera) setUpCamera(camera);

  function setUpCamera(box) {
    var start = box.querySelector('[data-camera-start]');
    var stop = box.querySelector('[data-camera-stop]');
    var viewBox = box.querySelector('.camera-view');
    var video = box.querySelector('video');
    var status = box.querySelector('.camera-status');
    var form = document.getElementById('verify-form');
    var input = form ? form.querySelector('textarea') : null;
    var stream = null;
    var canvas = document.createElement('canvas');
    var context = canvas.getContext('2d', { willReadFrequently: true });
    var say = function (name) {
      status.textContent = status.getAttribute('data-' + name) || '';
    };
    var usable = Boolean(navigator.mediaDevices && typeof navigator.mediaDevices.getUserMedia === 'function' && typeof window.jsQR === 'function');
    if (!usable) {
      say('unavailable');
      return;
    }
    start.hidden = false;

    function end() {
      if (stream)
        stream.getTracks().forEach(function (track) {
          track.stop();
        });
      stream = null;
      video.srcObject = null;
      viewBox.hidden = true;
      stop.hidden = true;
      start.hidden = false;
    }

    function scan() {
      if (!stream) return;
      if (video.readyState >= 2 && video.videoWidth > 0) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        var frame = context.getImageData(0, 0, canvas.width, canvas.height);
        var code = window.jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
        if (code && code.data) {
          end();
          status.textContent = '';
          input.value = code.data;
          if (typeof form.requestSubmit === 'function') form.requestSubmit();
          return;
        }
      }
      window.requestAnimationFrame(scan);
    }

    start.addEventListener('click', function () {
      start.hidden = true;
      navigator.mediaDevices
        .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
        .then(function (media) {
          stream = media;
          video.srcObject = media;
          viewBox.hidden = false;
          stop.hidden = false;
          say('aim');
          return video.play();
        })
        .then(function () {
          window.requestAnimationFrame(scan);
        })
        .catch(function (error) {
          end();
          say(error && (error.name === 'NotAllowedError' || error.name === 'SecurityError') ? 'denied' : 'unavailable');
          if (input) input.focus();
        });
    });
    stop.addEventListener('click', function () {
      end();
      status.textContent = '';
    });
  }

  // ---- Review screen: the next registration fetched ahead of time ---------------------------------
  // While the officer looks at this registration, the browser fetches (or prerenders) the next one's
  // page, so that *Simpan & berikutnya* shows it at once. The link is refreshed every four minutes:
  // the page's document links live five. A page fetched that way was made before anyone looked at it,
  // and before this decision took its place: once shown it records the look and takes the day buttons'
  // free places again, and its decision waits until they are current.

  var review = document.querySelector('.review');
  var PREFETCH_REFRESH_MS = 4 * 60 * 1000;

  var speculation = { url: '', rules: null, timer: 0 };

  /** Asks the browser to prerender `url` (a plain fetch where it will not), or nothing when `url` is ''. */
  function prefetchNext(url) {
    if (!window.HTMLScriptElement || typeof HTMLScriptElement.supports !== 'function' || !HTMLScriptElement.supports('speculationrules')) return;
    if (speculation.rules && speculation.rules.parentNode) speculation.rules.parentNode.removeChild(speculation.rules);
    speculation.rules = null;
    window.clearTimeout(speculation.timer);
    speculation.url = url || '';
    if (!speculation.url) return;
    var rules = document.createElement('script');
    rules.type = 'speculationrules';
    rules.textContent = JSON.stringify({ prerender: [{ source: 'list', urls: [speculation.url], eagerness: 'immediate' }] });
    document.head.appendChild(rules);
    speculation.rules = rules;
    speculation.timer = window.setTimeout(function () {
      prefetchNext(speculation.url);
    }, PREFETCH_REFRESH_MS);
  }

  /** Where *Simpan & berikutnya* goes, as the server says now: `next` is `{queueNumber, name}` or null. */
  function setNextStop(next) {
    var href = next ? root + '/registrations/' + encodeURIComponent(next.queueNumber) : root + '/registrations?status=PENDING&done=1';
    Array.prototype.forEach.call(document.querySelectorAll('form[data-next]'), function (form) {
      form.setAttribute('data-next', href);
      if (next) form.removeAttribute('data-next-done');
      else form.setAttribute('data-next-done', text('allReviewed', ''));
    });
    var link = document.querySelector('.next-link');
    if (link && next) {
      link.href = href;
      link.textContent = fill(text('nextPending', '{queue}'), { queue: next.queueNumber, name: next.name }) + ' →';
    } else if (link) {
      link.parentNode.removeChild(link);
    }
    if (review) review.setAttribute('data-prefetch', next ? href : '');
    // Unchanged, the fetch under way stays (asking again would fetch the page a second time).
    if ((next ? href : '') !== speculation.url) prefetchNext(next ? href : '');
  }

  /** Runs `show` when the officer sees the page: now, or when a prerendered page becomes the tab's. */
  function whenShown(show) {
    if (document.prerendering) document.addEventListener('prerenderingchange', show, { once: true });
    else show();
  }

  function decisionButtons() {
    return Array.prototype.slice.call(document.querySelectorAll('form[data-action="confirm"] button[type="submit"]'));
  }

  // The decision's answer carries the day buttons as they are after it: the next screen, made ahead of
  // time, takes them from here instead of asking the server again before the officer may decide.
  var DAYS_HANDOVER_KEY = 'si-bapao:days-after-decision';
  var DAYS_HANDOVER_MS = 30 * 1000;

  function handOverDays(days) {
    try {
      if (Array.isArray(days)) window.sessionStorage.setItem(DAYS_HANDOVER_KEY, JSON.stringify({ at: Date.now(), days: days }));
    } catch {
      // No session storage (a private window's quota): the next screen asks the server.
    }
  }

  /** The days handed over by the decision that led here, when it was just now; taken once. */
  function takeHandedOverDays() {
    try {
      var stored = window.sessionStorage.getItem(DAYS_HANDOVER_KEY);
      window.sessionStorage.removeItem(DAYS_HANDOVER_KEY);
      var handed = stored ? JSON.parse(stored) : null;
      return handed && Array.isArray(handed.days) && Date.now() - Number(handed.at) < DAYS_HANDOVER_MS ? handed.days : null;
    } catch {
      return null;
    }
  }

  function applyDayList(forms, days) {
    var byDate = {};
    days.forEach(function (day) {
      byDate[day.date] = day;
    });
    forms.forEach(function (form) {
      applyDays(form, byDate);
    });
  }

  /**
   * A page made ahead of time is now seen: the look is recorded, and the next stop and the day buttons'
   * free places are taken again (the decision before this page changed both). The decision waits for
   * the free places unless the decision before handed them over; the API checks the day again anyway.
   */
  function catchUp() {
    var forms = Array.prototype.slice.call(document.querySelectorAll('form[data-action="confirm"]'));
    callApi('registrations/' + encodeURIComponent(review.getAttribute('data-queue') || '') + '/viewed', 'POST', {})
      .then(function (result) {
        if (result.status === 200 && result.data && 'next' in result.data) setNextStop(result.data.next);
      })
      .catch(function () {
        // The look goes unrecorded; the page made ahead keeps its next stop.
      });
    if (forms.length === 0) return;
    var handed = takeHandedOverDays();
    if (handed) {
      applyDayList(forms, handed);
      return;
    }
    decisionButtons().forEach(function (button) {
      button.disabled = true;
    });
    forms.forEach(function (form) {
      form.setAttribute('aria-busy', 'true');
    });
    var enable = function () {
      decisionButtons().forEach(function (button) {
        button.disabled = false;
      });
      forms.forEach(function (form) {
        form.setAttribute('aria-busy', 'false');
      });
    };
    callApi('days', 'GET')
      .then(function (result) {
        if (result.status === 200 && result.data && Array.isArray(result.data.days)) applyDayList(forms, result.data.days);
      })
      // On a failure the page stays as made: the API checks the day and the status again on the decision.
      .catch(function () {
        return undefined;
      })
      .then(enable);
  }

  function applyDays(form, byDate) {
    var chosen = null;
    var firstFree = null;
    Array.prototype.forEach.call(form.querySelectorAll('.day-pick'), function (button) {
      var day = byDate[button.getAttribute('data-date')];
      var free = day ? Number(day.free) : 0;
      button.disabled = !(free > 0);
      button.classList.toggle('full', !(free > 0));
      button.textContent = fill(text(free > 0 ? 'dayButton' : 'dayButtonFull', '{day}'), { day: button.getAttribute('data-short') || '', free: free });
      if (day && day.nextFreeTime) button.setAttribute('data-time', day.nextFreeTime);
      else button.removeAttribute('data-time');
      if (free > 0 && !firstFree) firstFree = button;
      if (button.getAttribute('aria-pressed') === 'true') chosen = button;
    });
    if (form.hasAttribute('data-touched')) return;
    // Untouched: the day chosen for the officer (or, now full, the first with a place) and its next free time.
    var pick = chosen && !chosen.disabled ? chosen : firstFree;
    if (pick) pick.click();
  }

  if (review) {
    prefetchNext(review.getAttribute('data-prefetch'));
    Array.prototype.forEach.call(document.querySelectorAll('form[data-action="confirm"]'), function (form) {
      var touch = function (event) {
        if (event.isTrusted) form.setAttribute('data-touched', '');
      };
      form.addEventListener('input', touch);
      form.addEventListener('click', touch);
    });
    if (review.hasAttribute('data-made-ahead')) whenShown(catchUp);
    // Made after the decision, the page's day buttons are current already: what was handed over is dropped.
    else takeHandedOverDays();
  }

  applyView();
  // Once the page is drawn, the other pictures load in the background: → shows them at once.
  window.addEventListener('load', function () {
    // The next registration's pictures, while the officer looks at this one: *Simpan & berikutnya* shows them at once.
    if (review) {
      whenShown(function () {
        (review.getAttribute('data-next-pictures') || '').split(' ').forEach(function (url) {
          if (url) new Image().src = url;
        });
      });
    }
    if (!viewer) return;
    Array.prototype.forEach.call(viewer.querySelectorAll('img[data-src]'), function (image) {
      image.src = image.getAttribute('data-src');
      image.removeAttribute('data-src');
    });
  });

  // A prerendered page shows the note of the decision that led to it when it becomes the tab's.
  whenShown(showFlash);
})();
