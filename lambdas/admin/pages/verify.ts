/**
 * "Verifikasi bukti": the officer scans the proof's QR code with the device's camera (getUserMedia, decoded
 * by jsQR in the browser), with a scanner (it types into the box) or pastes its content; the script posts
 * it to `api/proofs/verify` and fills the result template with text only. Without a camera (or without
 * permission) the page says so and the box stays the way in.
 */
import { ADMIN_TEXTS as TEXTS } from '../../domain/texts/officer';
import { html } from './html';
import { formError, ICONS, layout, type PageDeps, type RenderedPage } from './layout';

export function renderVerifyPage(deps: PageDeps): RenderedPage {
  const body = html`<div class="page-head"><div><h1>${TEXTS.verifyTitle}</h1><p class="muted">${TEXTS.verifyIntro}</p></div></div>
  <div class="split verify">
    <section class="panel">
      <div class="camera" data-camera>
        <div class="button-row">
          <button type="button" class="button primary" data-camera-start hidden>${ICONS.qr}<span>${TEXTS.verifyCamera}</span></button>
          <button type="button" class="button" data-camera-stop hidden>${TEXTS.verifyCameraStop}</button>
        </div>
        <div class="camera-view" hidden><video class="camera-video" playsinline muted></video></div>
        <p class="hint camera-status" role="status" aria-live="polite" data-aim="${TEXTS.verifyCameraAim}" data-unavailable="${TEXTS.verifyCameraUnavailable}" data-denied="${TEXTS.verifyCameraDenied}"></p>
      </div>
      <form id="verify-form" class="stack" data-api="proofs/verify" data-success="verify" novalidate>
        <label class="field"><span>${TEXTS.verifyLabel}</span><textarea name="content" rows="4" maxlength="2000" required autofocus spellcheck="false" autocomplete="off" class="mono"></textarea></label>
        ${formError()}
        <button type="submit" class="button primary">${ICONS.qr}<span>${TEXTS.verifyButton}</span></button>
      </form>
    </section>
    <section class="panel" id="verify-result" aria-live="polite" hidden></section>
  </div>
  <template id="verify-template">
    <div class="verdict"><p class="verdict-title"></p><p class="verdict-message"></p></div>
    <dl class="facts single verify-facts">
      <div class="fact"><dt>${TEXTS.fieldQueue}</dt><dd><a data-field="queueNumber"></a></dd></div>
      <div class="fact"><dt>${TEXTS.fieldName}</dt><dd data-field="name"></dd></div>
      <div class="fact"><dt>${TEXTS.fieldService}</dt><dd data-field="service"></dd></div>
      <div class="fact"><dt>${TEXTS.fieldStatus}</dt><dd data-field="status"></dd></div>
      <div class="fact"><dt>${TEXTS.fieldAppointment}</dt><dd data-field="appointment"></dd></div>
    </dl>
  </template>
  <div hidden id="verify-texts" data-valid="${TEXTS.verifyValid}" data-forged="${TEXTS.verifyForged}" data-mismatch="${TEXTS.verifyMismatch}"></div>`;
  return { status: 200, html: layout({ title: TEXTS.verifyTitle, basePath: deps.basePath, body, deps, active: 'verify', scripts: ['jsqr.js'] }) };
}
