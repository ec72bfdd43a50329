/** Every page of the admin app, loaded as one module on the first page asked for (see `renderPage` in index.ts). */
export { renderDashboard } from './dashboard';
export { renderRegistrationsPage } from './registrations';
export { renderDetailPage } from './detail';
export { renderDayPage, renderDaysPage } from './day';
export { renderOfficersPage } from './officers';
export { renderVerifyPage } from './verify';
export { renderFailedSendsPage } from './failed-sends';
export { renderDataRequestsPage } from './data-requests';
export { renderDailyReportPage } from './daily-report';
export { renderOfficesPage } from './offices';
