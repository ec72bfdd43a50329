/** The login page: a card with the form the script posts to `api/login`. */
import { ADMIN_TEXTS as TEXTS } from '../../domain/texts/officer';
import { html } from './html';
import { formError, layout } from './layout';

/** `next`: where to go once logged in (already checked to be inside the admin app). */
export function renderLoginPage(basePath: string, next: string | undefined): string {
  const body = html`<section class="login-card">
  <div class="login-brand"><span class="brand-mark" aria-hidden="true">SB</span><div><p class="login-app">${TEXTS.appName}</p><p class="login-tagline">${TEXTS.officeTagline}</p></div></div>
  <h1>${TEXTS.loginTitle}</h1>
  <p class="muted">${TEXTS.loginIntro}</p>
  <noscript><p class="noscript">${TEXTS.noscript}</p></noscript>
  <form id="login-form" class="stack" novalidate data-next="${next ?? `${basePath}/`}">
    <label class="field"><span>${TEXTS.username}</span>
      <input name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required maxlength="32" autofocus></label>
    <label class="field"><span>${TEXTS.password}</span>
      <input name="password" type="password" autocomplete="current-password" required maxlength="200"></label>
    ${formError()}
    <button type="submit" class="button primary wide" data-working="${TEXTS.loginWorking}">${TEXTS.loginButton}</button>
  </form>
</section>`;
  return layout({ title: TEXTS.loginTitle, basePath, body, bodyClass: 'login' });
}
