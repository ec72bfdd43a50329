import { decide, NEW_CONVERSATION, type Conversation, type DecisionContext } from '../../lambdas/domain/conversation';
import { PRIVACY_NOTICE_VERSION } from '../../lambdas/domain/texts/consent-and-corrections';
import type { InboundContent } from '../../lambdas/domain/inbound';
import { messages } from '../../lambdas/domain/texts';
import type { Reply } from '../../lambdas/domain/replies';
import { DEFAULT_SERVICES } from '../../lambdas/domain/services';
import { testOffice } from '../support/office';

const context = (overrides: Partial<DecisionContext> = {}): DecisionContext => ({
  now: new Date('2026-01-05T03:00:00Z'),
  office: testOffice(),
  newDraftId: 'draft-1',
  uploadLink: (serviceId, draftId) => `https://kanim.example/upload/${serviceId}-${draftId}`,
  ...overrides,
});
const text = (value: string): InboundContent => ({ kind: 'text', text: value });
const bodies = (replies: readonly Reply[]) => replies.map((reply) => (reply.type === 'text' || reply.type === 'list' ? reply.body : ''));
/** Agreed to the privacy notice as it reads now: choosing a service goes straight on (the consent step has its own tests). */
const agreed = { version: PRIVACY_NOTICE_VERSION, at: '2026-01-05T02:00:00.000Z' };
const atMenu: Conversation = { step: { name: 'menu' }, consent: agreed };

describe('stage 1: greeting', () => {
  it.each(['Assalamualaikum', 'selamat pagi', 'halo', '👋'])('answers "%s" from a new applicant with the welcome menu', (greeting) => {
    const decision = decide(NEW_CONVERSATION, text(greeting), context());
    expect(decision.replies[0]).toEqual({ type: 'text', body: messages.welcome(testOffice()) });
    expect(decision.conversation.step).toEqual({ name: 'menu' });
  });

  it('follows the menu text with an interactive list whose rows choose services 1–6, STATUS, BATAL and DATA SAYA', () => {
    const [, list] = decide(NEW_CONVERSATION, text('halo'), context()).replies;
    expect(list?.type).toBe('list');
    const rows = list?.type === 'list' ? list.sections.flatMap((section) => section.rows) : [];
    expect(rows.map((row) => row.id)).toEqual(['menu:1', 'menu:2', 'menu:3', 'menu:4', 'menu:5', 'menu:6', 'menu:status', 'menu:batal', 'menu:data saya']);
    for (const row of rows) expect(row.title.length).toBeLessThanOrEqual(24);
  });

  it('sends the menu as text only when the office turns the list off', () => {
    const decision = decide(NEW_CONVERSATION, text('halo'), context({ office: testOffice({ menuAsList: false }) }));
    expect(decision.replies).toHaveLength(1);
  });

  it.each(['MENU', 'menu', ' Menu. '])('returns to the menu from anywhere with "%s"', (keyword) => {
    const inDocuments: Conversation = { step: { name: 'documents', serviceId: 2, draftId: 'd' } };
    const decision = decide(inDocuments, text(keyword), context());
    expect(decision.replies[0]).toEqual({ type: 'text', body: messages.welcome(testOffice()) });
    expect(decision.conversation.step).toEqual({ name: 'menu' });
  });

  it.each<InboundContent>([
    { kind: 'silent', reason: 'reaction' },
    { kind: 'silent', reason: 'edit' },
    { kind: 'silent', reason: 'revoke' },
    { kind: 'silent', reason: 'system' },
  ])('stays silent for $reason and keeps the conversation where it was', (input) => {
    const decision = decide(atMenu, input, context());
    expect(decision.replies).toEqual([]);
    expect(decision.conversation).toBe(atMenu);
  });
});

describe('stage 2: choosing a service', () => {
  it.each(DEFAULT_SERVICES.map((service) => [service.id, service] as const))(
    "answers %s with that service's requirement list and upload link",
    (id, service) => {
      const decision = decide(atMenu, text(String(id)), context());
      const url = `https://kanim.example/upload/${id}-draft-1`;
      expect(bodies(decision.replies)).toEqual([messages.requirements(service, { mode: 'web', uploadUrl: url, validUntil: '2026-01-10' })]);
      const link = { url, expiresAt: '2026-01-10T03:00:00.000Z' };
      expect(decision.conversation.step).toEqual({ name: 'documents', serviceId: id, draftId: 'draft-1', link });
      expect(decision.conversation.open).toEqual({ [id]: { draftId: 'draft-1', link } });
    },
  );

  it('lists exactly the requirements of the service (service 1: identity papers and the police letter)', () => {
    const [reply] = decide(atMenu, text('1'), context()).replies;
    const body = reply?.type === 'text' ? reply.body : '';
    expect(body).toContain('Anda memilih Layanan 1 BAP Paspor Hilang');
    expect(body.split('\n').filter((line) => line.startsWith('- '))).toEqual([
      '- KTP',
      '- KK',
      '- AKTA KELAHIRAN/IJAZAH (SD/SMP/SMA) / BUKU NIKAH / AKTA PERKAWINAN/SURAT BAPTIS',
      '- SURAT KETERANGAN KEHILANGAN DARI KEPOLISIAN',
    ]);
    expect(body).toContain(
      'Jika persyaratan sudah lengkap, silakan upload pada link berikut:\nhttps://kanim.example/upload/1-draft-1\nLink berlaku sampai Sabtu, 10 Januari 2026.',
    );
  });

  it('takes a tap on the interactive list like the typed digit', () => {
    const tapped = decide(atMenu, { kind: 'choice', id: 'menu:3', title: 'Perubahan Data' }, context());
    const typed = decide(atMenu, text('3'), context());
    expect(tapped).toEqual(typed);
  });

  it('accepts a digit with a trailing dot or spaces', () => {
    expect(decide(atMenu, text(' 2. '), context()).conversation.step).toMatchObject({ name: 'documents', serviceId: 2 });
  });

  it('ends the last line with the configured form link in form mode', () => {
    const office = testOffice({ uploadMode: 'form', formUrl: 'https://forms.example/bap' });
    const [reply] = decide(atMenu, text('1'), context({ office })).replies;
    expect(reply).toEqual({ type: 'text', body: messages.requirements(DEFAULT_SERVICES[0]!, { mode: 'form', formUrl: 'https://forms.example/bap' }) });
  });

  it('asks for the documents in the chat in chat mode', () => {
    const office = testOffice({ uploadMode: 'chat' });
    const [reply] = decide(atMenu, text('1'), context({ office })).replies;
    expect(reply?.type === 'text' && reply.body.endsWith('kirim foto atau PDF setiap berkas di chat ini satu per satu.')).toBe(true);
  });

  it('answers 6 with no confirmed appointment by saying there is nothing to move yet', () => {
    const decision = decide(atMenu, text('6'), context({ facts: { ownRegistrations: [] } }));
    expect(bodies(decision.replies)).toEqual([messages.selfService.noConfirmedAppointment]);
    expect(decision.conversation.step).toEqual({ name: 'menu' });
  });

  it.each(['7', '0', 'daftar paspor', '12', 'paspor hilang dan rusak'])('answers an unknown choice "%s" with a short prompt, never silence', (value) => {
    const decision = decide(atMenu, text(value), context());
    expect(bodies(decision.replies)).toEqual([messages.prompts.chooseFromMenu]);
    expect(decision.conversation).toBe(atMenu);
  });

  it('answers a photo sent at the menu with a prompt that says what it reads', () => {
    const photo: InboundContent = { kind: 'media', mediaKind: 'image', mediaId: 'm1', mimeType: 'image/jpeg' };
    expect(bodies(decide(atMenu, photo, context()).replies)).toEqual([messages.prompts.cannotRead('image', messages.prompts.nowMenu)]);
  });

  it('reminds an applicant who is gathering documents what to do next', () => {
    const inDocuments: Conversation = { step: { name: 'documents', serviceId: 1, draftId: 'd' } };
    expect(bodies(decide(inDocuments, text('sudah'), context()).replies)).toEqual([
      messages.prompts.documentsWeb({ mode: 'web', uploadUrl: 'https://kanim.example/upload/1-d', validUntil: '2026-01-10' }),
    ]);
  });

  it('lets an applicant gathering documents switch to another service', () => {
    const inDocuments: Conversation = { step: { name: 'documents', serviceId: 1, draftId: 'd' }, consent: agreed };
    expect(decide(inDocuments, text('2'), context()).conversation.step).toEqual({
      name: 'documents',
      serviceId: 2,
      draftId: 'draft-1',
      link: { url: 'https://kanim.example/upload/2-draft-1', expiresAt: '2026-01-10T03:00:00.000Z' },
    });
  });
});
