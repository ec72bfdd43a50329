/** DATA SAYA and HAPUS DATA in the pure conversation: what is shown, what is refused, what is erased. */
import { decide, reminderReply, type Conversation, type DecisionContext, type Facts } from '../../lambdas/domain/conversation';
import type { InboundContent } from '../../lambdas/domain/inbound';
import { ERASE_CHOICE } from '../../lambdas/domain/personal-data';
import type { Registration } from '../../lambdas/domain/registration';
import type { Reply } from '../../lambdas/domain/replies';
import { testOffice } from '../support/office';

const registration = (extra: Partial<Registration> = {}): Registration => ({
  queueNumber: 'KRC-002',
  name: 'Sipulan',
  placeOfBirth: 'Jakarta',
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
const context = (facts: Facts): DecisionContext => ({
  now: new Date('2026-01-05T03:00:00Z'),
  office: testOffice(),
  applicant: { key: '6281', waId: '6281' },
  newDraftId: 'draft-new',
  uploadLink: (serviceId, draftId) => `https://kanim.example/u/${serviceId}-${draftId}`,
  facts,
});
const text = (value: string): InboundContent => ({ kind: 'text', text: value });
const body = (reply: Reply | undefined) => (reply && (reply.type === 'text' || reply.type === 'buttons') ? reply.body : '');
const withOpenApplication: Conversation = {
  step: { name: 'idle' },
  open: { 2: { draftId: 'draft-open', link: { url: 'https://kanim.example/u/x', expiresAt: '2026-01-08T00:00:00Z' } } },
};

describe('DATA SAYA', () => {
  it('shows each registration with the NIK by its last four digits, its documents, the open application, and records the request', () => {
    const decision = decide(
      withOpenApplication,
      text('data saya'),
      context({ ownRegistrations: [registration()], documentsByDraft: { 'draft-registered': ['ktp', 'kk'], 'draft-open': ['ktp'] } }),
    );
    const shown = body(decision.replies[0]);
    expect(shown).toContain('KRC-002');
    expect(shown).toContain('••••••••••••0001');
    expect(shown).not.toContain('3201231508900001');
    expect(shown).toMatch(/Berkas: .*KTP.*KK/);
    expect(shown).toContain('Layanan 2');
    expect(decision.effects).toEqual([
      { type: 'record-data-request', kind: 'access', queueNumbers: ['KRC-002'], outcome: 'answered' },
      // The PDF copy is of the very message shown.
      { type: 'held-data-copy', text: body(decision.replies[0]) },
    ]);
    expect(decision.conversation).toEqual(withOpenApplication);
  });

  it('says so when nothing is held', () => {
    const decision = decide({ step: { name: 'idle' } }, text('DATA SAYA'), context({ ownRegistrations: [], documentsByDraft: {} }));
    expect(body(decision.replies[0])).toContain('Tidak ada pendaftaran atau berkas');
  });
});

describe('HAPUS DATA', () => {
  it('refuses while a registration is open, names it, says to cancel first, and records the refusal', () => {
    const decision = decide(withOpenApplication, text('hapus data'), context({ ownRegistrations: [registration()] }));
    expect(body(decision.replies[0])).toContain('KRC-002');
    expect(body(decision.replies[0])).toContain('BATAL');
    expect(decision.effects).toEqual([{ type: 'record-data-request', kind: 'erasure', queueNumbers: ['KRC-002'], outcome: 'refused-open-registration' }]);
  });

  it('asks once, with two buttons, and erases nothing yet', () => {
    const decision = decide(withOpenApplication, text('HAPUS DATA'), context({ ownRegistrations: [registration({ status: 'SELESAI' })] }));
    const [question] = decision.replies;
    expect(question?.type).toBe('buttons');
    expect(question?.type === 'buttons' ? question.buttons.map((button) => button.id) : []).toEqual([ERASE_CHOICE.confirm, ERASE_CHOICE.keep]);
    expect(decision.effects).toEqual([]);
    expect(decision.conversation.step).toEqual({ name: 'erase-confirm' });
  });

  it.each([
    ['typed', text('ya hapus')],
    ['tapped', { kind: 'choice', id: ERASE_CHOICE.confirm, title: 'Ya, hapus' } as InboundContent],
  ])('erases the closed registrations and the open application once confirmed (%s), and forgets the conversation', (_how, answer) => {
    const facts = { ownRegistrations: [registration({ status: 'DIBATALKAN' })] };
    const asked = decide(withOpenApplication, text('HAPUS DATA'), context(facts));
    const decision = decide(asked.conversation, answer, context(facts));
    expect(decision.effects).toEqual([
      { type: 'erase-applicant', queueNumbers: ['KRC-002'], draftIds: ['draft-open'] },
      { type: 'record-data-request', kind: 'erasure', queueNumbers: ['KRC-002'], outcome: 'erased' },
    ]);
    expect(decision.conversation).toEqual({ step: { name: 'idle' }, open: {} });
    expect(body(decision.replies[0])).toContain('telah dihapus');
  });

  it('asks again, erasing nothing, when a registration was opened between the question and the answer', () => {
    const asked = decide(withOpenApplication, text('HAPUS DATA'), context({ ownRegistrations: [] }));
    const decision = decide(asked.conversation, text('YA HAPUS'), context({ ownRegistrations: [registration()] }));
    expect(decision.effects.some((effect) => effect.type === 'erase-applicant')).toBe(false);
    expect(body(decision.replies[0])).toContain('masih berjalan');
  });

  it('keeps everything on Tidak, and MENU leaves the question', () => {
    const asked = decide(withOpenApplication, text('HAPUS DATA'), context({ ownRegistrations: [] }));
    const kept = decide(asked.conversation, text('tidak'), context({ ownRegistrations: [] }));
    expect(kept.effects).toEqual([]);
    expect(kept.conversation.open).toEqual(withOpenApplication.open);
    expect(body(kept.replies[0])).toContain('tidak dihapus');
    const menu = decide(asked.conversation, text('MENU'), context({ ownRegistrations: [] }));
    expect(menu.conversation.step).toEqual({ name: 'menu' });
    expect(menu.effects).toEqual([]);
  });
});

it('names every data right in the menu and in BANTUAN: DATA SAYA, UBAH DATA and HAPUS DATA', () => {
  for (const command of ['MENU', 'BANTUAN']) {
    const decision = decide({ step: { name: 'idle' } }, text(command), context({}));
    const said = decision.replies.map((reply) => ('body' in reply ? reply.body : '')).join('\n');
    for (const right of ['DATA SAYA', 'UBAH DATA', 'HAPUS DATA']) expect([command, said.includes(right)]).toEqual([command, true]);
  }
});

it('shows the full NIK in the day-before reminder as the seed does, and only its last four digits when the office profile says so', () => {
  const facts = { queueNumber: 'KRC-001', name: 'BUDI SANTOSO', nik: '3201231508900001', date: '2026-12-08', time: '09:00' };
  const now = new Date('2026-12-07T01:00:00Z');
  const said = (reply: Reply) => JSON.stringify(reply);
  for (const lastInboundAt of ['2026-12-07T00:30:00Z', undefined]) {
    // Inside the 24-hour window the text, outside it the template: both follow the profile.
    expect(said(reminderReply(facts, testOffice(), lastInboundAt, now))).toContain('3201231508900001');
    const masked = said(reminderReply(facts, { ...testOffice(), maskNikInReminder: true }, lastInboundAt, now));
    expect(masked).not.toContain('3201231508900001');
    expect(masked).toContain('************0001');
  }
});
