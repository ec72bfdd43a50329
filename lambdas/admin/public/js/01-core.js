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
(function (ns) {
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

  /** `09:00` → `09.00 WITA`: the office's zone, as the page names it. */
  function clockTime(time) {
    return time ? String(time).replace(':', '.') + ' ' + (body.getAttribute('data-zone') || 'WIB') : '';
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

  ns.FLASH_KEY = FLASH_KEY;
  ns.callApi = callApi;
  ns.clockTime = clockTime;
  ns.dayDate = dayDate;
  ns.echoDate = echoDate;
  ns.exampleDate = exampleDate;
  ns.fill = fill;
  ns.goToLogin = goToLogin;
  ns.parseTypedDate = parseTypedDate;
  ns.root = root;
  ns.serialize = serialize;
  ns.text = text;
  ns.texts = texts;
})((window.SiBapaoAdmin = window.SiBapaoAdmin || {}));
