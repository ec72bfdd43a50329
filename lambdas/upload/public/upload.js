/*
 * Si Bapao upload page. Each chosen file goes straight to the private bucket through a presigned PUT,
 * is checked by the server when it arrives, then appears in its field; "Kirim" asks the server what is
 * still missing. Plain ES2017 for old Android browsers; texts come from the page (#upload-texts).
 */
(function () {
  'use strict';

  var root = document.documentElement;
  root.classList.remove('no-js');
  root.classList.add('js');

  var form = document.getElementById('upload-form');
  var textsElement = document.getElementById('upload-texts');
  if (!form || !textsElement) return;

  var texts = JSON.parse(textsElement.textContent);
  var api = form.getAttribute('data-api');
  var maxBytes = Number(form.getAttribute('data-max-bytes'));
  var acceptedTypes = form.getAttribute('data-types').split(',');
  var notice = document.getElementById('notice');
  var success = document.getElementById('success');
  var submitButton = document.getElementById('submit');
  /*
   * Every photo is sent at most 1600 px on its longest edge, JPEG quality 0.8 (a 4-5 MB camera photo
   * becomes about 300-600 KB: seconds instead of a minute on a prepaid 1 Mbit/s link); smaller steps
   * follow only if that is still over the limit. PDFs go as they are.
   */
  var SHRINK_STEPS = [
    [1600, 0.8],
    [1200, 0.75],
    [1000, 0.7],
  ];
  /* A dropped connection: the file is sent again when the browser is back online, up to this often. */
  var MAX_RETRIES = 6;
  var queue = Promise.resolve();
  /*
   * Photos are made smaller one at a time (each holds a whole camera picture in memory), on a chain of their
   * own: the next photo is made smaller while the one before it is on its way, so on a slow link the
   * resizing hides behind the upload. Files still go up one after the other, in the order chosen.
   */
  var preparing = Promise.resolve();
  var pending = 0;

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /* Writes text into element, WhatsApp-style *bold* as <strong>; never parses HTML. */
  function setRichText(element, text) {
    element.textContent = '';
    text.split(/\*([^*\n]+)\*/).forEach(function (part, index) {
      if (part === '') return;
      if (index % 2 === 1) {
        var strong = document.createElement('strong');
        strong.textContent = part;
        element.appendChild(strong);
      } else {
        element.appendChild(document.createTextNode(part));
      }
    });
  }

  function child(parent, tag, className, text) {
    var element = document.createElement(tag);
    if (className) element.className = className;
    if (text !== undefined) element.textContent = text;
    parent.appendChild(element);
    return element;
  }

  function fields() {
    return Array.prototype.slice.call(form.querySelectorAll('.field'));
  }

  function setStatus(field, text, kind) {
    var status = field.querySelector('.field-status');
    status.textContent = text;
    status.className = 'field-status' + (kind ? ' ' + kind : '');
  }

  /* The bar under a field: its value while a file is on its way, hidden otherwise. */
  function setProgress(field, percent) {
    var bar = field.querySelector('.field-progress');
    if (!bar) return;
    bar.hidden = percent === null;
    if (percent !== null) bar.value = percent;
  }

  function setMissing(field, missing) {
    field.classList.toggle('missing', missing);
    field.querySelector('.field-error').hidden = !missing;
  }

  function renderFiles(field, documents) {
    var list = field.querySelector('.files');
    list.textContent = '';
    documents.forEach(function (stored) {
      var item = child(list, 'li', 'file');
      child(item, 'span', 'file-name', stored.filename);
      child(item, 'span', 'file-size', stored.sizeText);
    });
    var has = documents.length > 0;
    field.querySelector('.files-empty').hidden = has;
    field.querySelector('.clear').hidden = !has;
    field.classList.toggle('filled', has);
    if (has) {
      setMissing(field, false);
      forgetMissing(field.getAttribute('data-requirement'));
    }
  }

  /* Takes a field that now has a file off the notice's list; hides the notice once nothing is left. */
  function forgetMissing(requirement) {
    var item = notice.querySelector('li[data-requirement="' + requirement + '"]');
    if (!item) return;
    item.parentNode.removeChild(item);
    if (!notice.querySelector('li')) notice.hidden = true;
  }

  function showNotice(text, kind, missingFields) {
    setRichText(notice, text);
    if (missingFields && missingFields.length > 0) {
      child(notice, 'span', '', texts.missingList);
      var list = child(notice, 'ul');
      missingFields.forEach(function (field) {
        child(list, 'li', '', field.getAttribute('data-name')).setAttribute('data-requirement', field.getAttribute('data-requirement'));
      });
    }
    notice.className = 'notice' + (kind === 'info' ? ' info' : '');
    notice.hidden = false;
    if (kind !== 'info') {
      notice.focus();
      notice.scrollIntoView({ block: 'start' });
    }
  }

  function request(method, url, body) {
    var options = { method: method, credentials: 'same-origin', cache: 'no-store', headers: {} };
    if (body !== undefined) {
      options.headers['content-type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(url, options)
      .catch(function () {
        throw new Error(texts.network);
      })
      .then(function (response) {
        return response
          .json()
          .catch(function () {
            return {};
          })
          .then(function (answer) {
            if (!response.ok) throw new Error(answer.message || texts.serverError);
            return answer;
          });
      });
  }

  /* XMLHttpRequest rather than fetch: it reports upload progress, which matters on a slow connection. */
  function putOnce(url, blob, contentType, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open('PUT', url);
      xhr.setRequestHeader('Content-Type', contentType);
      xhr.upload.onprogress = function (event) {
        if (event.lengthComputable) onProgress(Math.round((event.loaded * 100) / event.total));
      };
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) resolve();
        else reject(new Error(texts.serverError));
      };
      xhr.onerror = function () {
        var error = new Error(texts.network);
        error.dropped = true;
        reject(error);
      };
      xhr.send(blob);
    });
  }

  /* Resolves once the browser says it is online again (at once if it is), or after a few seconds anyway. */
  function backOnline(delay) {
    return new Promise(function (resolve) {
      var done = false;
      function finish() {
        if (done) return;
        done = true;
        window.removeEventListener('online', finish);
        resolve();
      }
      window.addEventListener('online', finish);
      setTimeout(finish, navigator.onLine === false ? 30000 : delay);
    });
  }

  /* A connection dropped mid-file is not the applicant's problem: the same file is sent again by itself. */
  function put(url, blob, contentType, onProgress, onRetry) {
    var attempt = 0;
    function tryOnce() {
      return putOnce(url, blob, contentType, onProgress).catch(function (error) {
        if (!error.dropped || attempt >= MAX_RETRIES) throw error;
        attempt += 1;
        onRetry();
        return backOnline(Math.min(1000 * Math.pow(2, attempt), 15000)).then(tryOnce);
      });
    }
    return tryOnce();
  }

  function typeOf(file) {
    if (file.type) return file.type;
    var name = file.name.toLowerCase();
    if (/\.jpe?g$/.test(name)) return 'image/jpeg';
    if (/\.png$/.test(name)) return 'image/png';
    if (/\.pdf$/.test(name)) return 'application/pdf';
    return '';
  }

  /*
   * createImageBitmap decodes the photo off the page's main thread (the page keeps answering meanwhile);
   * browsers without it fall back to an <img>. Both turn the picture upright as its EXIF says.
   */
  function loadImage(file) {
    if (typeof window.createImageBitmap === 'function') {
      return window.createImageBitmap(file, { imageOrientation: 'from-image' }).then(
        function (bitmap) {
          return {
            source: bitmap,
            width: bitmap.width,
            height: bitmap.height,
            release: function () {
              bitmap.close();
            },
          };
        },
        function () {
          return loadImageElement(file);
        },
      );
    }
    return loadImageElement(file);
  }

  function loadImageElement(file) {
    return new Promise(function (resolve, reject) {
      var url = URL.createObjectURL(file);
      var image = new Image();
      image.onload = function () {
        URL.revokeObjectURL(url);
        resolve({ source: image, width: image.naturalWidth, height: image.naturalHeight, release: function () {} });
      };
      image.onerror = function () {
        URL.revokeObjectURL(url);
        reject(new Error(texts.wrongType));
      };
      image.src = url;
    });
  }

  function toJpeg(image, longestEdge, quality) {
    var scale = Math.min(1, longestEdge / Math.max(image.width, image.height));
    var canvas = document.createElement('canvas');
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    var context = canvas.getContext('2d');
    context.fillStyle = '#fff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    // The default ('low') shrinks a 12-megapixel photo by skipping pixels: its grain survives as noise, and
    // the JPEG comes out about 60% larger than with proper filtering.
    context.imageSmoothingQuality = 'high';
    context.drawImage(image.source, 0, 0, canvas.width, canvas.height);
    return new Promise(function (resolve) {
      canvas.toBlob(resolve, 'image/jpeg', quality);
    });
  }

  /* A photo becomes a JPEG of at most 1600 px (smaller steps only if still over the limit). */
  function shrink(file, tooLargeMessage) {
    return loadImage(file).then(function (image) {
      var step = 0;
      function attempt() {
        if (step >= SHRINK_STEPS.length) throw new Error(tooLargeMessage);
        var settings = SHRINK_STEPS[step];
        step += 1;
        return toJpeg(image, settings[0], settings[1]).then(function (blob) {
          return blob && blob.size <= maxBytes ? blob : attempt();
        });
      }
      // The decoded picture (48 MB for 12 megapixels) is let go as soon as its JPEG is made, not at the next GC.
      return attempt().then(
        function (blob) {
          image.release();
          return blob;
        },
        function (error) {
          image.release();
          throw error;
        },
      );
    });
  }

  function prepare(field, file) {
    var type = typeOf(file);
    var name = file.name || 'berkas';
    var accepted = acceptedTypes.indexOf(type) >= 0;
    if (file.size === 0) return Promise.reject(new Error(texts.emptyFile));
    if (type.indexOf('image/') === 0) {
      setStatus(field, fill(texts.shrinking, { filename: name }), 'busy');
      return shrink(file, accepted ? texts.tooLarge : texts.wrongType).then(
        function (blob) {
          // A photo that is already small (a screenshot, a scan) stays as it is when that is lighter.
          if (accepted && file.size <= maxBytes && file.size <= blob.size) return { blob: file, type: type, filename: name };
          return { blob: blob, type: 'image/jpeg', filename: name.replace(/\.[A-Za-z0-9]{1,5}$/, '') + '.jpg' };
        },
        function (error) {
          if (accepted && file.size <= maxBytes) return { blob: file, type: type, filename: name };
          throw error;
        },
      );
    }
    if (accepted && file.size <= maxBytes) return Promise.resolve({ blob: file, type: type, filename: name });
    return Promise.reject(new Error(accepted ? texts.tooLarge : texts.wrongType));
  }

  /*
   * Starts making the file ready on the photo chain; settles with { ready } or { error }, never rejects.
   * A file that is ready before its turn to go up says so (`turn.started` is set when its upload begins).
   */
  function prepareInTurn(field, file, turn) {
    var outcome = preparing.then(function () {
      return prepare(field, file).then(
        function (ready) {
          if (!turn.started) setStatus(field, fill(texts.queued, { filename: ready.filename }), 'busy');
          return { ready: ready };
        },
        function (error) {
          return { error: error };
        },
      );
    });
    preparing = outcome;
    return outcome;
  }

  function upload(field, file, prepared, turn) {
    turn.started = true;
    var requirement = field.getAttribute('data-requirement');
    var shown = file.name || 'berkas';
    return prepared
      .then(function (outcome) {
        if (outcome.error) throw outcome.error;
        return outcome.ready;
      })
      .then(function (ready) {
        shown = ready.filename;
        var progress = function (percent) {
          setProgress(field, percent);
          setStatus(field, fill(texts.uploading, { filename: shown, percent: percent }), 'busy');
        };
        var retrying = function () {
          setStatus(field, fill(texts.retrying, { filename: shown }), 'busy');
        };
        progress(0);
        var start = { requirement: requirement, filename: ready.filename, contentType: ready.type, size: ready.blob.size };
        return request('POST', api + '/uploads', start).then(function (ticket) {
          return put(ticket.url, ready.blob, ready.type, progress, retrying).then(function () {
            setProgress(field, null);
            setStatus(field, fill(texts.verifying, { filename: shown }), 'busy');
            var arrived = { requirement: requirement, key: ticket.key, filename: ready.filename };
            return request('POST', api + '/uploads/' + encodeURIComponent(ticket.uploadId) + '/complete', arrived);
          });
        });
      })
      .then(function (answer) {
        renderFiles(field, answer.documents);
        setStatus(field, fill(texts.uploaded, { filename: shown }), 'ok');
      })
      .catch(function (error) {
        setProgress(field, null);
        setStatus(field, shown + ': ' + error.message, 'error');
      });
  }

  function enqueue(work) {
    pending += 1;
    queue = queue.then(work).then(function () {
      pending -= 1;
    });
    return queue;
  }

  function showResult(result) {
    fields().forEach(function (field) {
      setMissing(field, false);
    });
    if (result.complete) {
      notice.hidden = true;
      form.hidden = true;
      document.querySelector('.intro').hidden = true;
      setRichText(success.querySelector('.success-text'), result.message);
      success.hidden = false;
      success.focus();
      success.scrollIntoView({ block: 'start' });
      return;
    }
    var missing = [];
    (result.missing || []).forEach(function (requirement) {
      var field = document.getElementById('field-' + requirement);
      if (!field) return;
      setMissing(field, true);
      missing.push(field);
    });
    showNotice(result.message, 'error', missing);
  }

  form.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches('input[type="file"]')) return;
    var field = input.closest('.field');
    var files = Array.prototype.slice.call(input.files || []);
    input.value = '';
    files.forEach(function (file) {
      var turn = { started: false };
      var prepared = prepareInTurn(field, file, turn);
      enqueue(function () {
        return upload(field, file, prepared, turn);
      });
    });
  });

  form.addEventListener('click', function (event) {
    var button = event.target.closest('.clear');
    if (!button) return;
    var field = button.closest('.field');
    if (!window.confirm(fill(texts.clearConfirm, { name: field.getAttribute('data-name') }))) return;
    enqueue(function () {
      var path = api + '/requirements/' + encodeURIComponent(field.getAttribute('data-requirement'));
      return request('DELETE', path)
        .then(function () {
          renderFiles(field, []);
          setStatus(field, texts.cleared, 'ok');
        })
        .catch(function (error) {
          setStatus(field, error.message, 'error');
        });
    });
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submitButton.disabled = true;
    showNotice(pending > 0 ? texts.waitForUploads : texts.checking, 'info');
    queue
      .then(function () {
        return request('POST', api + '/submit', {});
      })
      .then(showResult)
      .catch(function (error) {
        showNotice(error.message, 'error');
      })
      .then(function () {
        submitButton.disabled = false;
      });
  });
})();
