/** The admin pages by route, and the pages for refusals and errors. */
import type { PageRoute } from '../router';
import { ADMIN_TEXTS as TEXTS } from '../../domain/texts/officer';
import { html } from './html';
import { layout, type PageDeps, type RenderedPage } from './layout';

export { renderLoginPage } from './login';
export type { PageDeps } from './layout';

type Query = Readonly<Record<string, string | undefined>>;

/**
 * The pages load together (`all-pages.ts`), when the first page is asked for: a cold start that answers the
 * API or the login compiles none of them. One module for all eleven, not one each: the bundler gives every
 * set of modules that share code its own chunk, and eleven lazy pages left the admin function four more
 * chunks to load at every cold start, ≈ 5 ms more than the pages' own compile (README "Performance").
 */
const allPages = () => import('./all-pages');

export async function renderPage(route: PageRoute, query: Query, deps: PageDeps): Promise<RenderedPage> {
  switch (route.name) {
    case 'home':
      return (await allPages()).renderDashboard(deps);
    case 'registrations':
      return (await allPages()).renderRegistrationsPage(query, deps);
    case 'registration':
      return (await allPages()).renderDetailPage(route.queueNumber, deps);
    case 'day':
      return (await allPages()).renderDayPage(query, deps);
    case 'days':
      return (await allPages()).renderDaysPage(query, deps);
    case 'officers':
      return (await allPages()).renderOfficersPage(deps);
    case 'verify':
      return (await allPages()).renderVerifyPage(deps);
    case 'failed-sends':
      return (await allPages()).renderFailedSendsPage(deps);
    case 'data-requests':
      return (await allPages()).renderDataRequestsPage(deps);
    case 'daily-report':
      return (await allPages()).renderDailyReportPage(query, deps);
    case 'offices':
      return deps.offices
        ? (await allPages()).renderOfficesPage(deps, deps.offices)
        : { status: 403, html: renderProblemPage('forbidden', deps.basePath, deps) };
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
