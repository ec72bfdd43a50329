/** UBAH DATA in the pure conversation: corrected before confirmation, refused after, checked like DAFTAR, the NIK guard kept. */
import { decide, lookupsFor, type Conversation, type DecisionContext, type Facts } from '../../lambdas/domain/conversation';
import type { InboundContent } from '../../lambdas/domain/inbound';
import { messages } from '../../lambdas/domain/texts';
import type { Registration } from '../../lambdas/domain/registration';
import type { Reply } from '../../lambdas/domain/replies';
import { correctionTexts } from '../../lambdas/domain/texts/consent-and-corrections';
import { testOffice } from '../support/office';

const registration = (extra: Partial<Registration> = {}): Registration => ({
  queueNumber: 'KRC-002',
  name: 'Sipulan',
  placeOfBirth: 'JAKARTA',
  dateOfBirth: '1990-08-15',
  nik: '3201231508900001',
  phone: '6289617841945',
  serviceId: 1,
  status: 'PENDING',
  createdAt: '2025-12-01T01:00:00Z',
  ownerKey: '6281',
  draftId: 'draft-registered',
  documentsMode: 'web',
  flags: [],
  rescheduled: false,
  ...extra,
});
const NOW = new Date('2026-01-05T03:00:00Z');
const context = (facts: Facts): DecisionContext => ({
  now: NOW,
  office: testOffice(),
  applicant: { key: '6281', waId: '6281' },
  newDraftId: 'draft-new',
  uploadLink: (serviceId, draftId) => `https://kanim.example/u/${serviceId}-${draftId}`,
  facts,
});
const text = (value: string): InboundContent => ({ kind: 'text', text: value });
const body = (reply: Reply | undefined) => (reply && reply.type === 'text' ? reply.body : '');
const idle: Conversation = { step: { name: 'idle' } };
const LINE = 'UBAH DATA/Sipulan Bin Fulan/Jakarta/15-08-1990/3201231508900002/089617841945';

describe('UBAH DATA', () => {
  it('asks for the registrations and the new NIK before deciding, in any case', () => {
    expect(lookupsFor(idle, text(LINE.toLowerCase()), { now: NOW, office: testOffice() })).toEqual({ ownRegistrations: true, nik: '3201231508900002' });
    expect(lookupsFor(idle, text('UBAH DATA/Sipulan'), { now: NOW, office: testOffice() })).toEqual({ ownRegistrations: true });
  });

  it.each(['PENDING', 'PERLU_PERBAIKAN'] as const)(
    'corrects a %s registration, says so with the NIK by its last four digits, and hands over the change',
    (status) => {
      const decision = decide(idle, text(LINE), context({ ownRegistrations: [registration({ status })], nikHolder: null }));
      expect(body(decision.replies[0])).toBe(
        correctionTexts.corrected('KRC-002', {
          name: 'Sipulan Bin Fulan',
          birth: 'Jakarta, Rabu, 15 Agustus 1990',
          nikLastFour: '0002',
          phone: '6289617841945',
        }),
      );
      expect(body(decision.replies[0])).not.toContain('3201231508900002');
      expect(decision.effects).toEqual([
        {
          type: 'correct-registration',
          queueNumber: 'KRC-002',
          form: {
            name: 'Sipulan Bin Fulan',
            placeOfBirth: 'Jakarta',
            dateOfBirth: '1990-08-15',
            nik: '3201231508900002',
            phone: '6289617841945',
            nikDateMismatch: false,
            sex: 'L',
          },
        },
      ]);
      expect(decision.conversation.step).toEqual(idle.step);
    },
  );

  it('keeps the NIK held by the same registration (only the name changes)', () => {
    const line = 'ubah data/Sipulan Bin Fulan/JAKARTA/15-08-1990/3201231508900001/089617841945';
    const decision = decide(idle, text(line), context({ ownRegistrations: [registration()], nikHolder: { queueNumber: 'KRC-002', ownerKey: '6281' } }));
    expect(decision.effects.map((effect) => effect.type)).toEqual(['correct-registration']);
  });

  it('refuses a NIK open in another registration, from another account or the same', () => {
    const elsewhere = decide(
      idle,
      text(LINE),
      context({ ownRegistrations: [registration()], nikHolder: { queueNumber: 'KRC-009', ownerKey: 'someone-else' } }),
    );
    expect(elsewhere.replies).toEqual([{ type: 'text', body: messages.registration.nikHeldElsewhere(testOffice()) }]);
    expect(elsewhere.effects).toEqual([]);
    const own = decide(idle, text(LINE), context({ ownRegistrations: [registration()], nikHolder: { queueNumber: 'KRC-005', ownerKey: '6281' } }));
    expect(own.replies).toEqual([{ type: 'text', body: messages.registration.nikHasOpenRegistration('KRC-005') }]);
    expect(own.effects).toEqual([]);
  });

  it("refuses an invalid line with the DAFTAR line's own field message and the UBAH DATA format", () => {
    const decision = decide(idle, text('UBAH DATA/Sipulan/JAKARTA/31-02-1990/3201231508900002/089617841945'), context({ ownRegistrations: [registration()] }));
    const reply = body(decision.replies[0]);
    expect(reply).toContain('Tanggal lahir');
    expect(reply).toContain(correctionTexts.format);
    expect(decision.effects).toEqual([]);
  });

  it('after confirmation says to ask the officer, and records the refused request', () => {
    const decision = decide(
      idle,
      text(LINE),
      context({ ownRegistrations: [registration({ status: 'DIKONFIRMASI', appointmentDate: '2026-01-12' })], nikHolder: null }),
    );
    expect(decision.replies).toEqual([{ type: 'text', body: correctionTexts.afterConfirmation('KRC-002', testOffice()) }]);
    expect(body(decision.replies[0])).toContain('petugas');
    expect(decision.effects).toEqual([{ type: 'record-data-request', kind: 'correction', queueNumbers: ['KRC-002'], outcome: 'refused-confirmed' }]);
  });

  it('says there is nothing to correct without an open registration', () => {
    const decision = decide(idle, text(LINE), context({ ownRegistrations: [registration({ status: 'SELESAI' })], nikHolder: null }));
    expect(decision.replies).toEqual([{ type: 'text', body: correctionTexts.nothingToCorrect }]);
    expect(decision.effects).toEqual([]);
  });

  it('leaves "ubah data" alone as the menu\'s plain words for service 3', () => {
    const decision = decide({ step: { name: 'menu' } }, text('ubah data'), context({}));
    expect(decision.conversation.step).toEqual({ name: 'consent', serviceId: 3 });
  });
});
