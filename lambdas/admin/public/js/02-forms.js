/* Checks before sending, in Indonesian, and the forms (admin.js, part 2: the parts share window.SiBapaoAdmin). */
(function (ns) {
  'use strict';

  var FLASH_KEY = ns.FLASH_KEY;
  var callApi = ns.callApi;
  var clockTime = ns.clockTime;
  var dayDate = ns.dayDate;
  var exampleDate = ns.exampleDate;
  var fill = ns.fill;
  var goToLogin = ns.goToLogin;
  var parseTypedDate = ns.parseTypedDate;
  var root = ns.root;
  var serialize = ns.serialize;
  var text = ns.text;
  var texts = ns.texts;

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
  ns.takeHandedOverDays = function () {
    try {
      var stored = window.sessionStorage.getItem(DAYS_HANDOVER_KEY);
      window.sessionStorage.removeItem(DAYS_HANDOVER_KEY);
      var handed = stored ? JSON.parse(stored) : null;
      return handed && Array.isArray(handed.days) && Date.now() - Number(handed.at) < DAYS_HANDOVER_MS ? handed.days : null;
    } catch {
      return null;
    }
  };

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
            ns.showVerification(result.data);
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

  ns.checkForm = checkForm;
  ns.clearError = clearError;
  ns.showFlash = showFlash;
  ns.submitApiForm = submitApiForm;
  ns.submitLogin = submitLogin;
})((window.SiBapaoAdmin = window.SiBapaoAdmin || {}));
