/**
 * The queue's use cases, each on its own against the in-memory fakes of its ports (test/support/fakes/):
 * what the applicant is sent, what officers get to see, and what a retry finds. The integration tier runs
 * the same use cases through the worker against DynamoDB Local and the fake Graph API.
 */
import { messages } from '../../lambdas/domain/texts';
import type { Registration } from '../../lambdas/domain/registration';
import { GraphApiError } from '../../lambdas/errors';
import type { ApplicantSession } from '../../lambdas/ports';
import type { DailySummaryEvent, InboundEvent, NotifyEvent, ReminderEvent, StatusEvent } from '../../lambdas/queue-events';
import { handleInboundMessage } from '../../lambdas/use-cases/handle-inbound-message';
import { recordDeliveryStatus } from '../../lambdas/use-cases/record-delivery-status';
import { sendReminder } from '../../lambdas/use-cases/send-reminder';
import { sendDailySummary } from '../../lambdas/use-cases/send-daily-summary';
import { tellOfficerDecision } from '../../lambdas/use-cases/tell-officer-decision';
import { queueFakes } from '../support/fakes';
import { testOffice } from '../support/office';

const NOW = new Date('2026-12-07T02:00:00Z');
const applicant = { key: '6281234567890', waId: '6281234567890' };

const hello = (eventId = 'wamid.hello'): InboundEvent => ({
  type: 'inbound',
  eventId,
  applicant,
  sentAt: '2026-12-07T01:59:58Z',
  content: { kind: 'text', text: 'halo' },
});

const registration = (overrides: Partial<Registration> = {}): Registration => ({
  queueNumber: 'KRC-007',
  name: 'Budi Santoso',
  placeOfBirth: 'Sungai Penuh',
  dateOfBirth: '1990-04-12',
  nik: '1501011204900001',
  phone: applicant.waId,
  serviceId: 1,
  status: 'DIKONFIRMASI',
  createdAt: '2026-12-01T03:00:00Z',
  ownerKey: applicant.key,
  ownerWaId: applicant.waId,
  draftId: 'draft-7',
  documentsMode: 'web',
  flags: [],
  appointmentDate: '2026-12-08',
  appointmentTime: '09:00',
  rescheduled: false,
  ...overrides,
});

/** An applicant who wrote an hour ago: the 24-hour window is open, replies go as free-form text. */
const openWindow = (overrides: Partial<ApplicantSession> = {}): ApplicantSession => ({
  key: applicant.key,
  waId: applicant.waId,
  conversation: { step: { name: 'menu' } },
  lastInboundAt: '2026-12-07T01:00:00Z',
  recentEventIds: [],
  outbox: [],
  version: 3,
  ...overrides,
});

describe('handleInboundMessage', () => {
  it('answers a new applicant’s greeting with the welcome menu, saves the step and marks the message read', async () => {
    const fakes = queueFakes(NOW);

    expect(await handleInboundMessage(hello(), fakes.deps)).toBe('answered');

    expect(fakes.messenger.texts()[0]).toBe(messages.welcome(testOffice()));
    expect(fakes.messenger.sent[0]?.recipient).toEqual({ waId: applicant.waId });
    expect(fakes.sessions.sessions.get(applicant.key)).toMatchObject({ conversation: { step: { name: 'menu' } }, outbox: [], recentEventIds: ['wamid.hello'] });
    expect(fakes.messenger.read).toEqual(['wamid.hello']);
  });

  it('answers the same message once, however often the queue delivers it', async () => {
    const fakes = queueFakes(NOW);
    await handleInboundMessage(hello(), fakes.deps);
    const sent = fakes.messenger.sent.length;

    expect(await handleInboundMessage(hello(), fakes.deps)).toBe('duplicate');
    expect(fakes.messenger.sent).toHaveLength(sent);
  });
});

describe('the outbox', () => {
  it('settles a reply an earlier attempt left in flight from Meta’s status, without sending it a second time', async () => {
    const fakes = queueFakes(NOW);
    const leftInFlight = {
      id: 'wamid.before#0',
      seq: 1,
      reply: { type: 'text' as const, body: 'Balasan sebelumnya' },
      inFlight: { since: '2026-12-07T01:59:00Z', template: false },
    };
    fakes.sessions.sessions.set(applicant.key, openWindow({ outbox: [leftInFlight], recentEventIds: ['wamid.before'] }));
    await fakes.deliveries.store.recordSendOutcome({ outboxId: leftInFlight.id, messageId: 'wamid.out-1', status: 'sent', at: '2026-12-07T01:59:01Z' });

    await handleInboundMessage(hello(), fakes.deps);

    // Only the answer to the new message goes out (at the menu, "halo" is not a choice).
    expect(fakes.messenger.texts()).not.toContain('Balasan sebelumnya');
    expect(fakes.messenger.sent.map((message) => message.callbackData)).toEqual(['wamid.hello#0']);
    expect(fakes.logged).toContain('reply had reached Meta: settled from its status, not sent again');
  });

  it('lists a reply Meta refuses for good for officers and goes on, instead of retrying it forever', async () => {
    const fakes = queueFakes(NOW);
    fakes.messenger.failNext(new GraphApiError(131026, 'Message undeliverable', false, 400));

    await handleInboundMessage(hello(), fakes.deps);

    expect(fakes.deliveries.failedSends).toEqual([
      expect.objectContaining({ applicantKey: applicant.key, reason: 'refused', code: 131026, title: 'Message undeliverable' }),
    ]);
    expect(fakes.sessions.sessions.get(applicant.key)?.outbox.map((entry) => entry.id)).not.toContain('wamid.hello#0');
  });
});

describe('sendReminder', () => {
  const reminder: ReminderEvent = { type: 'reminder', eventId: 'reminder:KRC-007:2026-12-08', applicant, queueNumber: 'KRC-007', date: '2026-12-08' };

  it('reminds the applicant of tomorrow’s appointment and records the delivery for officers', async () => {
    const fakes = queueFakes(NOW);
    fakes.registrations.add(registration());
    fakes.sessions.sessions.set(applicant.key, openWindow());

    expect(await sendReminder(reminder, fakes.deps)).toBe('sent');

    expect(fakes.messenger.texts()).toEqual([
      messages.reminder({ queueNumber: 'KRC-007', name: 'Budi Santoso', nik: '1501011204900001', date: '2026-12-08', time: '09:00' }, testOffice()),
    ]);
    expect(fakes.deliveries.sent).toEqual([expect.objectContaining({ queueNumber: 'KRC-007', kind: 'reminder' })]);
  });

  it('sends nothing for an appointment moved since the job ran', async () => {
    const fakes = queueFakes(NOW);
    fakes.registrations.add(registration({ appointmentDate: '2026-12-10' }));

    expect(await sendReminder(reminder, fakes.deps)).toBe('not-due');
    expect(fakes.messenger.sent).toEqual([]);
  });
});

describe('sendDailySummary', () => {
  const head = { key: '6281200000001', waId: '6281200000001' };
  const summary: DailySummaryEvent = {
    type: 'daily-summary',
    eventId: 'daily-summary:kerinci:2026-12-07',
    applicant: head,
    report: {
      date: '2026-12-07',
      booked: 3,
      checkedIn: 2,
      served: 1,
      noShows: 1,
      averageWaitMinutes: 7.5,
      satisfaction: null,
      pendingOver24h: 0,
      failedSends: 0,
    },
  };

  it('sends the template once: a fault Meta answered is retried, and the event again sends nothing more', async () => {
    const fakes = queueFakes(NOW);
    fakes.messenger.failNext(new GraphApiError(131000, 'Something went wrong', true, 500));

    await expect(sendDailySummary(summary, fakes.deps)).rejects.toThrow(GraphApiError);
    expect(fakes.messenger.sent).toEqual([]);
    expect(await sendDailySummary(summary, fakes.deps)).toBe('duplicate');
    expect(await sendDailySummary(summary, fakes.deps)).toBe('duplicate');

    expect(fakes.messenger.sent).toHaveLength(1);
    expect(fakes.messenger.sent[0]?.recipient).toEqual({ waId: head.waId });
    expect(fakes.messenger.sent[0]?.reply).toEqual({
      type: 'template',
      template: {
        name: 'ringkasan_harian',
        language: 'id',
        body: [testOffice().officeName, 'Senin, 7 Desember 2026', '3', '2', '1', '1', '7,5 menit', '-', '0', '0'],
      },
    });
  });

  it('lists a summary Meta refuses for good under the failed sends, and does not retry it', async () => {
    const fakes = queueFakes(NOW);
    fakes.messenger.failNext(new GraphApiError(131026, 'Message undeliverable', false, 400));

    expect(await sendDailySummary(summary, fakes.deps)).toBe('sent');

    expect(fakes.deliveries.failedSends).toEqual([expect.objectContaining({ applicantKey: head.key, waId: head.waId, reason: 'refused', code: 131026 })]);
    expect(await sendDailySummary(summary, fakes.deps)).toBe('duplicate');
    expect(fakes.messenger.sent).toEqual([]);
  });
});

describe('tellOfficerDecision', () => {
  const cancelled = (version: number): NotifyEvent => ({
    type: 'notify',
    eventId: `notify:KRC-007:${version}`,
    applicant,
    queueNumber: 'KRC-007',
    kind: 'cancelled',
    version,
  });

  it('tells the applicant the registration’s current state and records the delivery', async () => {
    const fakes = queueFakes(NOW);
    fakes.registrations.add(registration({ status: 'DIBATALKAN', note: 'Berkas ganda' }), 4);
    fakes.sessions.sessions.set(applicant.key, openWindow());

    expect(await tellOfficerDecision(cancelled(4), fakes.deps)).toBe('told');

    expect(fakes.messenger.sent).not.toHaveLength(0);
    expect(fakes.messenger.texts().join('\n')).toContain('KRC-007');
    expect(fakes.deliveries.sent).toEqual([expect.objectContaining({ queueNumber: 'KRC-007', kind: 'cancelled' })]);
  });

  it('drops a notice a later change overtook (that change has its own)', async () => {
    const fakes = queueFakes(NOW);
    fakes.registrations.add(registration({ status: 'DIBATALKAN' }), 5);

    expect(await tellOfficerDecision(cancelled(4), fakes.deps)).toBe('overtaken');
    expect(fakes.messenger.sent).toEqual([]);
  });
});

describe('recordDeliveryStatus', () => {
  const status = (overrides: Partial<StatusEvent>): StatusEvent => ({
    type: 'status',
    eventId: 'wamid.out-1:delivered',
    applicant,
    messageId: 'wamid.out-1',
    status: 'delivered',
    at: '2026-12-07T02:00:05Z',
    ...overrides,
  });

  it('keeps the state officers see and counts it once', async () => {
    const fakes = queueFakes(NOW);
    await fakes.deliveries.store.recordSent({ messageId: 'wamid.out-1', queueNumber: 'KRC-007', kind: 'confirmed', at: '2026-12-07T02:00:00Z' });

    expect(await recordDeliveryStatus(status({}), fakes.deps)).toEqual({ changed: true, replacedByTemplate: false });
    expect(await recordDeliveryStatus(status({}), fakes.deps)).toEqual({ changed: false, replacedByTemplate: false });
    expect(fakes.counted).toEqual(['MessageStatuses']);
  });

  it('sends the template instead when Meta reports the free-form message failed because the window had closed', async () => {
    const fakes = queueFakes(NOW);
    const fallback = { type: 'template' as const, template: { name: 'sibapao_reminder', language: 'id', body: ['KRC-007'] } };
    await fakes.deliveries.store.recordSent({ messageId: 'wamid.out-1', queueNumber: 'KRC-007', kind: 'reminder', at: '2026-12-07T02:00:00Z', fallback });

    const result = await recordDeliveryStatus(
      status({ eventId: 'wamid.out-1:failed', status: 'failed', errorCode: 131047, errorTitle: 'Re-engagement message' }),
      fakes.deps,
    );

    expect(result).toEqual({ changed: true, replacedByTemplate: true });
    expect(fakes.messenger.sent.map((message) => message.reply)).toEqual([fallback]);
    expect(fakes.deliveries.failedSends).toEqual([]);
  });
});
