/**
 * The frame of every admin page: head (one stylesheet, one deferred script, the CSRF token in a meta tag
 * for the script), the top bar with the officer and the menu, and the content. No inline script or
 * style: the CSP allows only this origin's files.
 */
import type { OfficeSummary } from './offices';
import { officerPersonalDataTexts } from '../../domain/texts/officer-personal-data';
import type { Officer, RegistrationsApi } from '../officer-api';
import type { OfficerView } from '../auth';
import { DAY_NAMES, MONTH_NAMES } from '../../domain/calendar';
import { DAILY_REPORT_TEXTS } from '../../domain/texts/day-of';
import { ADMIN_TEXTS as TEXTS, STATUS_LABELS } from '../../domain/texts/officer';
import { assetPath } from '../router';
import { html, trusted, type Html } from './html';
import type { PageZone } from './format';
import { zoneLabelOf } from '../../domain/offices';

export interface PageDeps {
  readonly basePath: string;
  readonly officer: Officer;
  readonly csrfToken: string;
  readonly now: Date;
  readonly registrations: RegistrationsApi;
  /** The office whose registrations these are: its clock and zone (WIB, WITA, WIT) on every time shown. */
  readonly zone: PageZone;
  readonly officers: () => Promise<OfficerView[]>;
  readonly arrivalTimes?: readonly string[];
  /** The browser fetches this page ahead of time (speculation rules): nobody looks at it yet. */
  readonly speculative?: boolean;
  /** Many offices: every office, for a superadmin only (the offices page). */
  readonly offices?: () => Promise<OfficeSummary[]>;
}

/** What the script says by itself; `<` escaped so that nothing can close the block. */
const CLIENT_TEXTS = JSON.stringify({
  saved: TEXTS.saved,
  savedFor: TEXTS.savedFor,
  savedForDate: TEXTS.savedForDate,
  serverError: TEXTS.serverError,
  networkError: TEXTS.networkError,
  required: TEXTS.required,
  requiredField: TEXTS.requiredField,
  numberRange: TEXTS.numberRange,
  tooShort: TEXTS.tooShort,
  patternMismatch: TEXTS.patternMismatch,
  pickOne: TEXTS.pickOne,
  dateFormatError: TEXTS.dateFormatError,
  dateUnreal: TEXTS.dateUnreal,
  dayButton: TEXTS.dayButton,
  dayButtonFull: TEXTS.dayButtonFull,
  nextPending: TEXTS.nextPending,
  allReviewed: TEXTS.allReviewed,
  statuses: STATUS_LABELS,
  dayNames: DAY_NAMES,
  monthNames: MONTH_NAMES,
}).replace(/</g, '\\u003c');

export type NavKey = 'home' | 'registrations' | 'day' | 'verify' | 'failed-sends' | 'data-requests' | 'officers' | 'days' | 'daily-report';

export interface RenderedPage {
  readonly status: number;
  readonly html: string;
}

/** Inline SVG icons (markup, not script: the CSP allows them). */
const icon = (path: string) =>
  trusted(`<svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path fill="currentColor" d="${path}"/></svg>`);
export const ICONS = {
  home: icon('M12 3 2 12h3v8h6v-6h2v6h6v-8h3L12 3z'),
  list: icon('M4 6h2v2H4V6zm4 0h12v2H8V6zM4 11h2v2H4v-2zm4 0h12v2H8v-2zm-4 5h2v2H4v-2zm4 0h12v2H8v-2z'),
  calendar: icon('M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V2zm12 8H5v9h14v-9z'),
  qr: icon('M3 3h8v8H3V3zm2 2v4h4V5H5zm8-2h8v8h-8V3zm2 2v4h4V5h-4zM3 13h8v8H3v-8zm2 2v4h4v-4H5zm8-2h3v3h-3v-3zm5 0h3v3h-3v-3zm-5 5h3v3h-3v-3zm5 0h3v3h-3v-3z'),
  people: icon(
    'M9 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8zm8 0a3 3 0 1 1 0-6 3 3 0 0 1 0 6zM1 20c0-3.3 3.6-6 8-6s8 2.7 8 6v1H1v-1zm17.5 1v-1c0-1.8-.8-3.4-2.1-4.6 3.5.3 6.6 2.2 6.6 4.6v1h-4.5z',
  ),
  sliders: icon('M3 6h10v2H3V6zm14 0h4v2h-4V6zm-2-2h2v6h-2V4zM3 16h4v2H3v-2zm8 0h10v2H11v-2zm-2-2h2v6H9v-6z'),
  warning: icon('M12 2 1 21h22L12 2zm-1 7h2v6h-2V9zm0 8h2v2h-2v-2z'),
  file: icon('M6 2a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8l-6-6H6zm7 1.5L18.5 9H13V3.5zM8 13h8v2H8v-2zm0 4h8v2H8v-2z'),
  search: icon('M10 2a8 8 0 0 1 6.3 12.9l5.4 5.4-1.4 1.4-5.4-5.4A8 8 0 1 1 10 2zm0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12z'),
  check: icon('M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2z'),
  cross: icon('M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7l-1.4-1.4L9.2 12 2.9 5.7l1.4-1.4 6.3 6.3 6.3-6.3 1.4 1.4z'),
};

const NAV: ReadonlyArray<{ key: NavKey; path: string; label: string; icon: Html; adminOnly?: boolean }> = [
  { key: 'home', path: '/', label: TEXTS.navDashboard, icon: ICONS.home },
  { key: 'registrations', path: '/registrations', label: TEXTS.navRegistrations, icon: ICONS.list },
  { key: 'day', path: '/day', label: TEXTS.navDay, icon: ICONS.calendar },
  { key: 'verify', path: '/verify', label: TEXTS.navVerify, icon: ICONS.qr },
  { key: 'failed-sends', path: '/failed-sends', label: TEXTS.navFailedSends, icon: ICONS.warning },
  { key: 'data-requests', path: '/data-requests', label: officerPersonalDataTexts.navDataRequests, icon: ICONS.file },
  { key: 'officers', path: '/officers', label: TEXTS.navOfficers, icon: ICONS.people, adminOnly: true },
  { key: 'days', path: '/days', label: TEXTS.navDays, icon: ICONS.sliders, adminOnly: true },
  { key: 'daily-report', path: '/reports/daily', label: DAILY_REPORT_TEXTS.nav, icon: ICONS.list },
];

export function layout(options: {
  title: string;
  basePath: string;
  body: Html;
  deps?: PageDeps;
  active?: NavKey;
  bodyClass?: string;
  scripts?: readonly string[];
}): string {
  const { title, basePath, body, deps, active } = options;
  const frame = deps ? topBar(deps, active) : '';
  return html`<!doctype html>
<html lang="id">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <meta name="theme-color" content="#0b3d91">${deps ? html`\n  <meta name="csrf-token" content="${deps.csrfToken}">` : ''}
  <title>${title} · ${TEXTS.appName}</title>
  <link rel="stylesheet" href="${basePath}${assetPath('admin.css')}">${(options.scripts ?? []).map((script) => html`\n  <script src="${basePath}${assetPath(script)}" defer></script>`)}
  <script src="${basePath}${assetPath('admin.js')}" defer></script>
</head>
<body class="${options.bodyClass ?? 'app'}" data-root="${basePath}"${deps ? html` data-zone="${zoneLabelOf(deps.zone)}"` : ''}>
${frame}
<main id="main" class="main">
${body}
</main>
<script type="application/json" id="admin-texts">${trusted(CLIENT_TEXTS)}</script>
</body>
</html>
`.value;
}

function topBar(deps: PageDeps, active: NavKey | undefined): Html {
  const link = (path: string) => `${deps.basePath}${path}`;
  const items = NAV.filter((item) => !item.adminOnly || deps.officer.role === 'admin').map(
    (item) =>
      html`<li><a href="${link(item.path)}"${item.key === active ? trusted(' aria-current="page"') : ''}>${item.icon}<span>${item.label}</span></a></li>`,
  );
  const role = deps.officer.role === 'admin' ? TEXTS.roleAdmin : TEXTS.rolePetugas;
  return html`<a class="skip" href="#main">${TEXTS.skipToContent}</a>
<header class="topbar">
  <div class="topbar-inner">
    <a class="brand" href="${link('/')}"><span class="brand-mark" aria-hidden="true">SB</span><span class="brand-text"><strong>${TEXTS.appName}</strong><small>${TEXTS.appSubtitle}</small></span></a>
    <button type="button" class="menu-toggle" aria-controls="main-nav" aria-expanded="false" data-menu-toggle hidden><span class="menu-bars" aria-hidden="true"></span><span>${TEXTS.menu}</span></button>
    <div class="user">
      <span class="user-name">${deps.officer.username}</span><span class="role role-${deps.officer.role}">${role}</span>
      <button type="button" class="logout" data-logout>${TEXTS.logout}</button>
    </div>
  </div>
  <nav class="nav" id="main-nav" aria-label="${TEXTS.mainMenu}"><ul>${items}</ul></nav>
</header>
<noscript><p class="noscript">${TEXTS.noscript}</p></noscript>`;
}

/** `<p class="form-error">` the script fills with the API's message. */
export const formError = () => html`<p class="form-error" role="alert" hidden></p>`;

export const statusBadge = (status: string) => html`<span class="badge status-${status.toLowerCase()}">${status}</span>`;
