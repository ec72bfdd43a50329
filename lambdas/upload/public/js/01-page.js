/*
 * Si Bapao upload page. Each chosen file goes straight to the private bucket through a presigned PUT,
 * is checked by the server when it arrives, then appears in its field; "Kirim" asks the server what is
 * still missing. Plain ES2017 for old Android browsers; texts come from the page (#upload-texts).
 */
(function (ns) {
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
  /* A dropped connection: the file is sent again when the browser is back online, up to this often. */
  var MAX_RETRIES = 6;

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

  ns.acceptedTypes = acceptedTypes;
  ns.api = api;
  ns.fields = fields;
  ns.fill = fill;
  ns.form = form;
  ns.maxBytes = maxBytes;
  ns.notice = notice;
  ns.put = put;
  ns.renderFiles = renderFiles;
  ns.request = request;
  ns.setMissing = setMissing;
  ns.setProgress = setProgress;
  ns.setRichText = setRichText;
  ns.setStatus = setStatus;
  ns.showNotice = showNotice;
  ns.submitButton = submitButton;
  ns.success = success;
  ns.texts = texts;
})((window.SiBapaoUpload = window.SiBapaoUpload || {}));
