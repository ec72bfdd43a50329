/**
 * An officer action is declared once (lambdas/domain/officer-action-declarations.ts): the route, the API's
 * validation, the review screen's form, the history line, the notify event and the delivery list all
 * follow from the declaration. Each declared action is checked against each of them.
 */
import { loadHolidays } from '../../lambdas/config';
import { matchAdminRoute } from '../../lambdas/admin/router';
import { createRegistrationsApi, deliveryName, registrationView } from '../../lambdas/admin/registrations-api';
import { actionsPanel } from '../../lambdas/admin/pages/action-forms';
import type { DetailView } from '../../lambdas/admin/pages/views';
import { toHttp } from '../../lambdas/admin/results';
import { OFFICER_ACTION_NAMES, OFFICER_ACTIONS, type OfficerActionInput, type OfficerActionName } from '../../lambdas/domain/officer-action-declarations';
import { decideOfficerAction } from '../../lambdas/domain/officer-actions';
import { REGISTRATION_STATUSES, type Registration, type RegistrationStatus } from '../../lambdas/domain/registration';
import { dayState } from '../../lambdas/domain/schedule';
import { DEFAULT_SERVICES } from '../../lambdas/domain/services';
import { HISTORY_LABELS } from '../../lambdas/domain/texts/officer';
import { notifyEventSchema } from '../../lambdas/notice-events';
import { testOffice } from '../support/office';
import { testRegistration } from '../support/registration';

const office = testOffice();
const holidays = loadHolidays();
// Friday 2026-01-09, 12:00 in Jakarta: the appointment below is today, so `complete` is allowed.
const NOW = new Date('2026-01-09T05:00:00Z');

/** A body each action accepts (a new declared action fails to compile here until it has one). */
const VALID_BODIES: { readonly [Name in OfficerActionName]: Omit<Extract<OfficerActionInput, { action: Name }>, 'action'> } = {
  confirm: { date: '2026-01-12', time: '09:00' },
  reschedule: { date: '2026-01-13', time: '10:00' },
  complete: { attended: true },
  'request-fix': { note: 'KTP buram' },
  cancel: { reason: 'Permintaan pemohon' },
  call: { counter: '2' },
};

/** A body each action refuses: an empty one, or for an action whose fields are all optional, a field of the wrong type. */
const INVALID_BODIES: { readonly [Name in OfficerActionName]: object } = {
  confirm: {},
  reschedule: {},
  complete: {},
  'request-fix': {},
  cancel: {},
  call: { counter: { number: 2 } },
};

const registration = (status: RegistrationStatus): Registration =>
  testRegistration({ queueNumber: 'KRC-010', status, createdAt: '2026-01-05T01:00:00Z', draftId: 'd1', appointmentDate: '2026-01-09' });

const detail = (status: RegistrationStatus): DetailView => ({
  ...registrationView(registration(status), NOW, DEFAULT_SERVICES),
  consent: null,
  documents: [],
  history: [],
  deliveries: [],
});

/** The API with nothing behind it: a body the declaration refuses never reaches the table. */
const unreachable = new Proxy({}, { get: () => () => Promise.reject(new Error('the API went past validation')) });
const api = createRegistrationsApi({
  store: unreachable as never,
  drafts: unreachable as never,
  deliveries: unreachable as never,
  blobs: unreachable as never,
  queue: unreachable as never,
  office,
  holidays,
  clock: { now: () => NOW },
  proofKeys: async () => new Map(),
  dayCodeKey: async () => 'unit-day-code-key',
  log: { warn: () => undefined, error: () => undefined },
});

describe.each(OFFICER_ACTION_NAMES)('the declared action "%s"', (name) => {
  const declaration = OFFICER_ACTIONS[name];

  it('has its API route', () => {
    expect(matchAdminRoute('POST', `/admin/api/registrations/KRC-010/${name}`, '/admin')).toEqual({
      kind: 'api',
      route: { name: 'act', queueNumber: 'KRC-010', action: name },
      adminOnly: false,
    });
  });

  it("is validated by the API with the declaration's body schema", async () => {
    const problems = declaration.body.safeParse(INVALID_BODIES[name]).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? [];
    expect(problems.length).toBeGreaterThan(0);
    const answer = toHttp(await api.act('KRC-010', name, INVALID_BODIES[name], { username: 'petugas', role: 'petugas' }));
    expect(answer).toMatchObject({ status: 400, body: { error: 'malformed' } });
    for (const problem of problems) expect(JSON.stringify(answer.body)).toContain(problem);
    expect(declaration.body.safeParse(VALID_BODIES[name]).success).toBe(true);
  });

  it.each(REGISTRATION_STATUSES)('has its form on the review screen exactly when the status is allowed (%s)', (status) => {
    const panel = actionsPanel(detail(status), undefined, [], { href: '/admin/registrations?status=PENDING&done=1' }, {}).value;
    const allowed = (declaration.allowedStatuses as readonly RegistrationStatus[]).includes(status);
    expect(panel.includes(`data-action="${name}"`)).toBe(allowed);
    if (allowed) {
      expect(panel).toContain(`data-api="registrations/KRC-010/${name}"`);
      expect(panel).toContain(declaration.form.title);
      const offered = declaration.form.buttons.filter((button) => !Array.isArray(button.andNext) || button.andNext.includes(status));
      expect(offered.length).toBeGreaterThan(0);
      for (const button of offered) expect(panel).toContain(button.label.replace(/&/g, '&amp;'));
    }
  });

  it('writes a history line the review screen names as declared, and sends the declared notice', () => {
    const status = declaration.allowedStatuses[0];
    if (!status) throw new Error('no allowed status');
    const input = { action: name, ...VALID_BODIES[name] } as OfficerActionInput;
    const targetDay = 'date' in input ? dayState(input.date, 0, undefined, office, holidays) : undefined;
    const decision = decideOfficerAction(registration(status), input, { now: NOW, office, ...(targetDay ? { targetDay } : {}) });
    if (!decision.ok) throw new Error(decision.refusal.message);
    const audits: Readonly<Record<string, string>> = declaration.audit;
    expect(Object.keys(audits)).toContain(decision.outcome.audit.action);
    expect(HISTORY_LABELS[decision.outcome.audit.action]).toBe(audits[decision.outcome.audit.action]);

    const notice = 'notice' in declaration ? declaration.notice : undefined;
    expect(decision.outcome.notify).toBe(notice?.kind);
    if (!notice) return;
    const event = { type: 'notify', eventId: 'notify:KRC-010:2', applicant: { key: '6281' }, queueNumber: 'KRC-010', kind: notice.kind, version: 2 };
    expect(notifyEventSchema.safeParse(event).success).toBe(true);
    expect(deliveryName(notice.kind)).toBe(notice.delivery);
  });
});
