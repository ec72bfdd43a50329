/**
 * The closed-day message and the waitlist offer around the 24-hour window: free-form inside it (their
 * template kept for a 131047 answer), the template outside; *Pilih tanggal* asks for the dates again.
 */
import { decide, windowedChoice, type DecisionContext } from '../../lambdas/domain/conversation';
import { dayClosedTemplate, earlierPlaceTemplate } from '../../lambdas/domain/real-days-templates';
import { rebookingChoicesPayload } from '../../lambdas/domain/rebooking';
import { rebookingOffer } from '../../lambdas/domain/rebooking';
import type { Registration } from '../../lambdas/domain/registration';
import { offerReply } from '../../lambdas/domain/waitlist';
import { testOffice } from '../support/office';
import { testRegistration } from '../support/registration';

const NOW = new Date('2026-01-05T03:00:00Z');
const HOUR = 60 * 60 * 1000;
const closedDay = testRegistration({
  status: 'PERLU_JADWAL_ULANG',
  appointmentDate: '2026-01-12',
  rebooking: { from: '2026-01-12', reason: 'Banjir', askedAt: NOW.toISOString() },
});
const waiting = testRegistration({ appointmentDate: '2026-01-20', waitlisted: true, offer: { date: '2026-01-08', until: '2026-01-05T05:00:00Z' } });
const office = testOffice();
const context = (ownRegistrations: readonly Registration[]): DecisionContext => ({
  now: NOW,
  office,
  applicant: { key: '6281', waId: '6281' },
  newDraftId: 'draft-new',
  uploadLink: (serviceId, draftId) => `https://kanim.example/u/${serviceId}-${draftId}`,
  facts: { ownRegistrations },
});

it.each([
  ['closed day', rebookingOffer(closedDay, ['2026-01-13', '2026-01-14', '2026-01-15'], office), dayClosedTemplate(closedDay, office)],
  ['earlier place', offerReply(waiting, office), earlierPlaceTemplate(waiting, office)],
])('sends the %s free-form inside the window with its template for a 131047, the template outside', (_name, freeForm, template) => {
  const inside = windowedChoice(freeForm, template, new Date(NOW.getTime() - HOUR).toISOString(), NOW);
  expect(inside).toEqual({ ...freeForm, outsideWindow: { type: 'template', template } });
  expect(windowedChoice(freeForm, template, new Date(NOW.getTime() - 25 * HOUR).toISOString(), NOW)).toEqual({ type: 'template', template });
  expect(windowedChoice(freeForm, template, undefined, NOW)).toEqual({ type: 'template', template });
});

it('answers Pilih tanggal with the dates open now while the day still waits for a choice, and says so once it was chosen', () => {
  const tap = { kind: 'choice', id: rebookingChoicesPayload('KRC-002'), title: 'Pilih tanggal' } as const;
  expect(decide({ step: { name: 'idle' } }, tap, context([closedDay])).effects).toEqual([{ type: 'rebooking-choices', queueNumber: 'KRC-002' }]);
  const chosen = decide({ step: { name: 'idle' } }, tap, context([{ ...closedDay, status: 'DIKONFIRMASI', appointmentDate: '2026-01-14' }]));
  expect(chosen.effects).toEqual([]);
  expect(chosen.replies).toEqual([{ type: 'text', body: expect.stringContaining('Nomor Antrian KRC-002 sudah dijadwalkan pada') }]);
});
