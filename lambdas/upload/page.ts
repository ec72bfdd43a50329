/**
 * The upload page as server-rendered HTML: works (read-only) without JavaScript, every value escaped, no
 * inline script or style (the CSP allows only this origin's files). Links are relative to the upload root
 * the request came in on (`basePath`).
 */
import { formatDayDate, jakartaDate } from '../domain/calendar';
import { fillText, UPLOAD_PAGE_TEXTS as TEXTS } from '../domain/texts/upload-page';
import type { StoredDocument } from '../ports';
import { DOCUMENT_LIMITS, type UploadPage } from '../use-cases/upload-documents';

const LIMIT_VALUES = {
  maxMb: DOCUMENT_LIMITS.maxBytes / (1024 * 1024),
  maxPages: DOCUMENT_LIMITS.maxPagesPerRequirement,
};

/** What the file picker offers: the accepted types, and their extensions for pickers that ignore types. */
const FILE_ACCEPT = [...DOCUMENT_LIMITS.contentTypes, '.jpg', '.jpeg', '.png', '.pdf'].join(',');

/** Inline SVG (no emoji: some phones and fonts lack them); markup, not script, so the CSP allows it. */
const icon = (path: string) =>
  `<svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false"><path fill="currentColor" d="${path}"/></svg>`;
const ICONS = {
  camera: icon(
    'M9 3 7.2 5H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3H9zm3 5a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6z',
  ),
  file: icon('M6 2a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8l-6-6H6zm7 1.5L18.5 9H13V3.5zM8 13h8v2H8v-2zm0 4h8v2H8v-2z'),
  check: icon('M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2z'),
};

/** What the page's script and the JSON answers show of a stored document. */
export interface DocumentView {
  readonly filename: string;
  readonly size: number;
  readonly sizeText: string;
  readonly contentType: string;
}

export function documentView(document: StoredDocument): DocumentView {
  return { filename: document.filename, size: document.size, sizeText: formatSize(document.size), contentType: document.contentType };
}

/** `820 KB`, `1,4 MB` (Indonesian decimal comma). */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Escapes, then renders WhatsApp-style `*bold*` as `<strong>`. */
export function richText(text: string): string {
  return escapeHtml(text).replace(/\*([^*\n]+)\*/g, '<strong>$1</strong>');
}

/** The texts as the script reads them: limits filled in, `<` escaped so nothing can close the block. */
function clientTexts(): string {
  const filled = Object.fromEntries(Object.entries(TEXTS).map(([name, text]) => [name, fillText(text, LIMIT_VALUES)]));
  return JSON.stringify(filled).replace(/</g, '\\u003c');
}

/** `085126730544` → `https://wa.me/6285126730544?text=SELESAI`: back to the office's chat, the next word typed. */
export function whatsappBackLink(officeNumber: string): string {
  const digits = officeNumber.replace(/\D/g, '').replace(/^0/, '62');
  return `https://wa.me/${digits}?text=SELESAI`;
}

export function renderUploadPage(page: UploadPage, options: { basePath: string; token: string; officeWhatsAppNumber?: string; officerNote?: string }): string {
  const fields = page.fields
    .map((field, index) => {
      const { id, shortName } = field.requirement;
      const files = field.documents.map((document) => fileItem(documentView(document))).join('');
      const has = field.documents.length > 0;
      return `
      <li class="field${has ? ' filled' : ''}" id="field-${escapeHtml(id)}" data-requirement="${escapeHtml(id)}" data-name="${escapeHtml(shortName)}">
        <div class="field-head"><span class="field-number" aria-hidden="true">${index + 1}</span><h2 class="field-title">${escapeHtml(shortName)}</h2></div>
        <ul class="files">${files}</ul>
        <p class="files-empty"${has ? ' hidden' : ''}>${escapeHtml(TEXTS.noFiles)}</p>
        <p class="field-error" hidden>${escapeHtml(TEXTS.fieldMissing)}</p>
        <div class="picks needs-js">
          <label class="pick pick-camera">
            <input type="file" class="visually-hidden" accept="image/*" capture="environment" data-pick="camera">
            ${ICONS.camera} ${escapeHtml(TEXTS.camera)}
          </label>
          <label class="pick pick-file">
            <input type="file" class="visually-hidden" accept="${FILE_ACCEPT}" multiple data-pick="file">
            ${ICONS.file} ${escapeHtml(TEXTS.chooseFile)}
          </label>
        </div>
        <button type="button" class="clear needs-js"${has ? '' : ' hidden'}>${escapeHtml(TEXTS.clear)}</button>
        <progress class="field-progress" max="100" value="0" hidden></progress>
        <p class="field-status" role="status"></p>
      </li>`;
    })
    .join('');
  const api = `${options.basePath}/${options.token}`;
  const body = `
  <header class="top">
    <p class="brand">${escapeHtml(TEXTS.appName)} <span>${escapeHtml(TEXTS.tagline)}</span></p>
    <h1>${escapeHtml(TEXTS.pageTitle)}</h1>
    <p class="service">${escapeHtml(TEXTS.serviceLabel)}: <strong>${escapeHtml(page.service.name)}</strong></p>
  </header>
  <main class="content">
    <section class="intro">
      <p>${richText(page.fix ? TEXTS.fixIntro : TEXTS.intro)}</p>${
        page.fix && options.officerNote
          ? `
      <p class="officer-note"><strong>${escapeHtml(TEXTS.fixNote)}</strong> ${escapeHtml(options.officerNote)}</p>`
          : ''
      }
      <p class="limits" id="limits">${escapeHtml(fillText(TEXTS.limits, LIMIT_VALUES))}</p>
    </section>
    <noscript><p class="noscript">${escapeHtml(TEXTS.noscript)}</p></noscript>
    <div id="notice" class="notice" role="alert" tabindex="-1" hidden></div>
    <section id="success" class="success" role="status" tabindex="-1" hidden>
      <p class="success-mark">${ICONS.check}</p>
      <p class="success-text"></p>${
        options.officeWhatsAppNumber
          ? `
      <a class="back-to-whatsapp" href="${escapeHtml(whatsappBackLink(options.officeWhatsAppNumber))}">${escapeHtml(TEXTS.backToWhatsApp)}</a>`
          : ''
      }
    </section>
    <form id="upload-form" novalidate data-api="${escapeHtml(api)}" data-max-bytes="${DOCUMENT_LIMITS.maxBytes}" data-types="${escapeHtml(DOCUMENT_LIMITS.contentTypes.join(','))}">
      <ol class="fields">${fields}
      </ol>
      <button type="submit" id="submit" class="submit needs-js">${escapeHtml(TEXTS.submit)}</button>
    </form>
  </main>
  <script type="application/json" id="upload-texts">${clientTexts()}</script>`;
  return layout(`${TEXTS.pageTitle} – ${page.service.name}`, options.basePath, body, true);
}

export type ProblemKind = 'invalid' | 'expired' | 'submitted' | 'not-found' | 'error' | 'too-many';

const PROBLEMS: Readonly<Record<ProblemKind, { title: string; text: string }>> = {
  invalid: { title: TEXTS.invalidLinkTitle, text: TEXTS.invalidLink },
  expired: { title: TEXTS.expiredLinkTitle, text: TEXTS.expiredLink },
  submitted: { title: TEXTS.submittedTitle, text: TEXTS.alreadySubmitted },
  'not-found': { title: TEXTS.notFoundTitle, text: TEXTS.notFound },
  error: { title: TEXTS.serverErrorTitle, text: TEXTS.serverError },
  'too-many': { title: TEXTS.tooManyTitle, text: TEXTS.tooMany },
};

/** What fills a problem's placeholders: `until`, the last day an expired link worked. */
export interface ProblemFacts {
  readonly expiredAt?: number;
}

function problemText(kind: ProblemKind, facts: ProblemFacts): string {
  const until = facts.expiredAt !== undefined ? formatDayDate(jakartaDate(new Date(facts.expiredAt))) : '';
  return fillText(PROBLEMS[kind].text, { until });
}

/** The message of a problem for a JSON answer: the page's text without WhatsApp's `*bold*` marks. */
export function problemMessage(kind: ProblemKind, facts: ProblemFacts = {}): string {
  return problemText(kind, facts).replace(/\*/g, '');
}

/** A page for a link that cannot be used, telling the applicant how to get a new one. */
export function renderProblemPage(kind: ProblemKind, basePath: string, facts: ProblemFacts = {}): string {
  const { title } = PROBLEMS[kind];
  const text = problemText(kind, facts);
  const body = `
  <header class="top">
    <p class="brand">${escapeHtml(TEXTS.appName)} <span>${escapeHtml(TEXTS.tagline)}</span></p>
  </header>
  <main class="content">
    <section class="problem">
      <h1>${escapeHtml(title)}</h1>
      <p>${richText(text)}</p>
    </section>
  </main>`;
  return layout(title, basePath, body, false);
}

function fileItem(view: DocumentView): string {
  return `<li class="file"><span class="file-name">${escapeHtml(view.filename)}</span><span class="file-size">${escapeHtml(view.sizeText)}</span></li>`;
}

function layout(title: string, basePath: string, body: string, withScript: boolean): string {
  return `<!doctype html>
<html lang="id" class="no-js">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex, nofollow">
  <meta name="theme-color" content="#0b3d91">
  <title>${escapeHtml(title)} · ${escapeHtml(TEXTS.appName)}</title>
  <link rel="stylesheet" href="${escapeHtml(basePath)}/static/upload.css">${
    withScript ? `\n  <script src="${escapeHtml(basePath)}/static/upload.js" defer></script>` : ''
  }
</head>
<body>${body}
</body>
</html>
`;
}
