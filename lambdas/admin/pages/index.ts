/** The admin pages by route, and the pages for refusals and errors. */
import type { PageRoute } from '../router';
import { ADMIN_TEXTS as TEXTS } from '../../domain/texts/officer';
import { renderDashboard } from './dashboard';
import { renderDailyReportPage } from './daily-report';
import { renderDayPage, renderDaysPage } from './day';
import { renderDetailPage } from './detail';
import { renderDataRequestsPage } from './data-requests';
import { renderFailedSendsPage } from './failed-sends';
import { html } from './html';
import { layout, type PageDeps, type RenderedPage } from './layout';
import { renderOfficersPage } from './officers';
import { renderOfficesPage } from './offices';
import { renderRegistrationsPage } from './registrations';
import { renderVerifyPage } from './verify';

export { renderLoginPage } from './login';
export type { PageDeps } from './layout';

type Query = Readonly<Record<string, string | undefined>>;

export async function renderPage(route: PageRoute, query: Query, deps: PageDeps): Promise<RenderedPage> {
  switch (route.name) {
    case 'home':
      return renderDashboard(deps);
    case 'registrations':
      return renderRegistrationsPage(query, deps);
    case 'registration':
      return renderDetailPage(route.queueNumber, deps);
    case 'day':
      return renderDayPage(query, deps);
    case 'days':
      return renderDaysPage(query, deps);
    case 'officers':
      return renderOfficersPage(deps);
    case 'verify':
      return renderVerifyPage(deps);
    case 'failed-sends':
      return renderFailedSendsPage(deps);
    case 'data-requests':
      return renderDataRequestsPage(deps);
    case 'daily-report':
      return renderDailyReportPage(query, deps);
    case 'offices':
      return deps.offices ? renderOfficesPage(deps, deps.offices) : { status: 403, html: renderProblemPage('forbidden', deps.basePath, deps) };
    case 'login':
      throw new Error('the login page is rendered before authentication');
    case 'poster':
      throw new Error('the poster is a PDF, answered before the pages');
  }
}

export type ProblemKind = 'forbidden' | 'not-found' | 'error';

const PROBLEMS: Readonly<Record<ProblemKind, { title: string; text: string }>> = {
  forbidden: { title: TEXTS.forbiddenTitle, text: TEXTS.adminOnly },
  'not-found': { title: TEXTS.notFoundTitle, text: TEXTS.notFound },
  error: { title: TEXTS.errorTitle, text: TEXTS.serverError },
};

export function renderProblemPage(kind: ProblemKind, basePath: string, deps?: PageDeps): string {
  const { title, text } = PROBLEMS[kind];
  const body = html`<section class="panel problem"><h1>${title}</h1><p>${text}</p><p><a class="button" href="${basePath}/">${TEXTS.backHome}</a></p></section>`;
  return layout({ title, basePath, body, ...(deps ? { deps } : {}) });
}
