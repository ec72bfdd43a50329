/* Photos made smaller, uploads in turn, and the form's events (upload.js, part 2: the parts share window.SiBapaoUpload). */
(function (ns) {
  'use strict';

  if (!ns.form) return; // A page without the form (an expired link): part 1 stopped too.
  var acceptedTypes = ns.acceptedTypes;
  var api = ns.api;
  var fields = ns.fields;
  var fill = ns.fill;
  var form = ns.form;
  var maxBytes = ns.maxBytes;
  var notice = ns.notice;
  var put = ns.put;
  var renderFiles = ns.renderFiles;
  var request = ns.request;
  var setMissing = ns.setMissing;
  var setProgress = ns.setProgress;
  var setRichText = ns.setRichText;
  var setStatus = ns.setStatus;
  var showNotice = ns.showNotice;
  var submitButton = ns.submitButton;
  var success = ns.success;
  var texts = ns.texts;

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
  var queue = Promise.resolve();
  /*
   * Photos are made smaller one at a time (each holds a whole camera picture in memory), on a chain of their
   * own: the next photo is made smaller while the one before it is on its way, so on a slow link the
   * resizing hides behind the upload. Files still go up one after the other, in the order chosen.
   */
  var preparing = Promise.resolve();
  var pending = 0;

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
})((window.SiBapaoUpload = window.SiBapaoUpload || {}));
