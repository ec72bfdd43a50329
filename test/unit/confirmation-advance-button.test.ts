/**
 * The stage 5 / 7 confirmation carries the *Majukan jadwal* button under its PDF where MAJUKAN can work,
 * as one message; tapping it is the same as typing MAJUKAN; outside the 24-hour window the template's
 * quick reply carries the same payload.
 */
import { applyNotice, decide, type DecisionContext, type Notice } from '../../lambdas/domain/conversation';
import type { Registration } from '../../lambdas/domain/registration';
import type { Reply } from '../../lambdas/domain/replies';
import { findTemplate } from '../../lambdas/domain/templates';
import { validateTemplateSend } from '../../lambdas/meta/template-review';
import { testOffice } from '../support/office';
import { testRegistration } from '../support/registration';

const NOW = new Date('2026-01-05T03:00:00Z');
const registration = (extra: Partial<Registration> = {}): Registration =>
  testRegistration({ appointmentDate: '2026-01-14', draftId: 'draft-registered', waitlisted: false, ...extra });
const context = (ownRegistrations: readonly Registration[] = []): DecisionContext & { lastInboundAt?: string } => ({
  now: NOW,
  office: testOffice(),
  applicant: { key: '6281', waId: '6281' },
  newDraftId: 'draft-new',
  uploadLink: (serviceId, draftId) => `https://kanim.example/u/${serviceId}-${draftId}`,
  facts: { ownRegistrations },
  lastInboundAt: new Date(NOW.getTime() - 60 * 60 * 1000).toISOString(),
});
const proofLink = 'https://files.example/bukti-KRC-002.pdf';
const notice = (kind: 'confirmed' | 'rescheduled', extra: Partial<Registration> = {}): Notice => ({
  kind,
  registration: registration(extra),
  proofLink,
  ...(kind === 'rescheduled' ? { previousDate: '2026-01-20' } : {}),
});
const only = (replies: readonly Reply[]): Reply => {
  expect(replies).toHaveLength(1);
  return replies[0]!;
};

it.each(['confirmed', 'rescheduled'] as const)('sends the %s PDF with the stage text and the button Majukan jadwal as one message', (kind) => {
  const reply = only(applyNotice({ step: { name: 'idle' } }, notice(kind), context()).replies);
  expect(reply).toMatchObject({
    type: 'buttons',
    documentHeader: { link: proofLink, filename: 'bukti-antrian-KRC-002.pdf' },
    buttons: [{ id: 'MAJUKAN', title: 'Majukan jadwal' }],
  });
  if (reply.type !== 'buttons') throw new Error('buttons expected');
  expect(reply.body).toContain('KRC-002');
  expect(reply.body.length).toBeLessThanOrEqual(1024);
  // The 131047 fallback: the template with the same PDF and the same payload on its quick reply.
  expect(reply.outsideWindow?.template).toMatchObject({ headerDocument: { link: proofLink }, buttonPayloads: ['MAJUKAN'] });
});

it.each([
  ['already on the waitlist', { waitlisted: true }],
  ['dated today', { appointmentDate: '2026-01-05' }],
])('sends the plain PDF document, without the button, when MAJUKAN cannot work (%s)', (_case, extra) => {
  const reply = only(applyNotice({ step: { name: 'idle' } }, notice('confirmed', extra), context()).replies);
  expect(reply).toMatchObject({ type: 'document', link: proofLink, filename: 'bukti-antrian-KRC-002.pdf' });
  if (reply.type !== 'document') throw new Error('document expected');
  expect(reply.caption).toContain('KRC-002');
});

it('outside the 24-hour window sends the approved template whose quick reply carries MAJUKAN', () => {
  const outside = { ...context(), lastInboundAt: new Date(NOW.getTime() - 30 * 60 * 60 * 1000).toISOString() };
  for (const kind of ['confirmed', 'rescheduled'] as const) {
    const reply = only(applyNotice({ step: { name: 'idle' } }, notice(kind), outside).replies);
    if (reply.type !== 'template') throw new Error('template expected');
    expect(reply.template.buttonPayloads).toEqual(['MAJUKAN']);
    const definition = findTemplate(reply.template.name, reply.template.language);
    expect(definition?.components.find((component) => component.type === 'BUTTONS')).toEqual({
      type: 'BUTTONS',
      buttons: [{ type: 'QUICK_REPLY', text: 'Majukan jadwal' }],
    });
    expect(validateTemplateSend(definition, reply.template)).toBeUndefined();
  }
});

it('answers the button exactly as the typed MAJUKAN', () => {
  const own = [registration()];
  const tapped = decide({ step: { name: 'idle' } }, { kind: 'choice', id: 'MAJUKAN', title: 'Majukan jadwal' }, context(own));
  const typed = decide({ step: { name: 'idle' } }, { kind: 'text', text: 'MAJUKAN' }, context(own));
  expect(tapped).toEqual(typed);
  expect(tapped.replies).toEqual([{ type: 'text', body: expect.stringContaining('masuk daftar tunggu jadwal lebih awal') }]);
  expect(tapped.effects).toEqual([{ type: 'waitlist', queueNumber: 'KRC-002', join: true }]);
});
