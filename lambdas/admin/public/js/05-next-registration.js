/* The next registration, fetched ahead of time (admin.js, part 5: the parts share window.SiBapaoAdmin). */
(function (ns) {
  'use strict';

  var callApi = ns.callApi;
  var fill = ns.fill;
  var root = ns.root;
  var text = ns.text;
  var showFlash = ns.showFlash;
  var applyView = ns.applyView;
  var viewer = ns.viewer;

  // ---- Review screen: the next registration fetched ahead of time ---------------------------------
  // While the officer looks at this registration, the browser fetches (or prerenders) the next one's
  // page, so that *Simpan & berikutnya* shows it at once. The link is refreshed every four minutes:
  // the page's document links live five. A page fetched that way was made before anyone looked at it,
  // and before this decision took its place: once shown it records the look and takes the day buttons'
  // free places again (handed over by the decision before it, or asked for).

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
    afterLoad(function () {
      callApi('registrations/' + encodeURIComponent(review.getAttribute('data-queue') || '') + '/viewed', 'POST', {})
        .then(function (result) {
          if (result.status === 200 && result.data && 'next' in result.data) setNextStop(result.data.next);
        })
        .catch(function () {
          // The look goes unrecorded; the page made ahead keeps its next stop.
        });
    });
    if (forms.length === 0) return;
    var handed = ns.takeHandedOverDays();
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

  /**
   * Work for later screens waits until this one is drawn: on a small office PC (and on the machine that
   * also serves them) it would otherwise take time from the screen the officer is waiting for.
   */
  function afterLoad(run) {
    if (document.readyState === 'complete') run();
    else window.addEventListener('load', run, { once: true });
  }

  if (review) {
    afterLoad(function () {
      prefetchNext(review.getAttribute('data-prefetch'));
    });
    Array.prototype.forEach.call(document.querySelectorAll('form[data-action="confirm"]'), function (form) {
      var touch = function (event) {
        if (event.isTrusted) form.setAttribute('data-touched', '');
      };
      form.addEventListener('input', touch);
      form.addEventListener('click', touch);
    });
    if (review.hasAttribute('data-made-ahead')) whenShown(catchUp);
    // Made after the decision, the page's day buttons are current already: what was handed over is dropped.
    else ns.takeHandedOverDays();
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
})((window.SiBapaoAdmin = window.SiBapaoAdmin || {}));
