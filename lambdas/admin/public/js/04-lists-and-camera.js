/* Lists, the phone menu and the verify camera (admin.js, part 4: the parts share window.SiBapaoAdmin). */
(function (ns) {
  'use strict';

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

  ns.listKey = listKey;
})((window.SiBapaoAdmin = window.SiBapaoAdmin || {}));
