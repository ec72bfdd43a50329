/** Stages 3–4 of the conversation core: documents in each mode, then the registration line. */
import { decide, lookupsFor, type Conversation, type DecisionContext, type Step } from '../../lambdas/domain/conversation';
import type { InboundContent } from '../../lambdas/domain/inbound';
import { messages } from '../../lambdas/domain/texts';
import { PRIVACY_NOTICE_VERSION } from '../../lambdas/domain/texts/consent-and-corrections';
import type { OfficeProfile } from '../../lambdas/domain/office';
import { testOffice } from '../support/office';

const NOW = new Date('2026-01-05T03:00:00Z');
const LINE = 'DAFTAR/Ahmad Budiman/JAKARTA/15-08-1990/3201231508900001/089617841945';
const applicant = { key: '6281234567890', waId: '6281234567890', profileName: 'Budi' };

function context(office: Partial<OfficeProfile> = {}, facts: DecisionContext['facts'] = {}): DecisionContext {
  return {
    now: NOW,
    office: testOffice(office),
    applicant,
    newDraftId: 'draft-2',
    uploadLink: (serviceId, draftId) => `https://kanim.example/upload/${serviceId}-${draftId}`,
    facts,
  };
}
const text = (value: string): InboundContent => ({ kind: 'text', text: value });
/** Agreed to the privacy notice as it reads now (the consent step has its own tests). */
const at = (step: Step): Conversation => ({ step, consent: { version: PRIVACY_NOTICE_VERSION, at: '2026-01-05T02:00:00.000Z' } });
const documents = (extra: Partial<Extract<Step, { name: 'documents' }>> = {}): Conversation =>
  at({ name: 'documents', serviceId: 1, draftId: 'draft-1', ...extra });
const bodies = (conversation: Conversation, input: InboundContent, ctx: DecisionContext) =>
  decide(conversation, input, ctx).replies.map((reply) => (reply.type === 'text' ? reply.body : reply.type));
const jpeg = (mediaId: string, caption?: string): InboundContent => ({
  kind: 'media',
  mediaKind: 'image',
  mediaId,
  mimeType: 'image/jpeg',
  sha256: 'abc=',
  ...(caption ? { caption } : {}),
});

describe('what decide needs looked up first', () => {
  it('asks for the draft on SELESAI in web mode, and for the NIK of a valid registration line', () => {
    expect(lookupsFor(documents(), text('SELESAI'), { now: NOW, office: testOffice() })).toEqual({ draftId: 'draft-1' });
    expect(lookupsFor(at({ name: 'registration', serviceId: 1, draftId: 'd' }), text(LINE), { now: NOW, office: testOffice() })).toEqual({
      nik: '3201231508900001',
    });
  });

  it('asks for nothing for an invalid line, in chat or form mode, or at the menu', () => {
    const office = testOffice();
    expect(lookupsFor(at({ name: 'registration', serviceId: 1, draftId: 'd' }), text('DAFTAR/x'), { now: NOW, office })).toEqual({});
    expect(lookupsFor(documents(), text('SELESAI'), { now: NOW, office: testOffice({ uploadMode: 'chat' }) })).toEqual({});
    expect(lookupsFor(at({ name: 'menu' }), text(LINE), { now: NOW, office })).toEqual({});
  });
});

describe('stage 3 in web mode', () => {
  it('names the missing documents on SELESAI and stays', () => {
    const decision = decide(documents(), text('selesai'), context({}, { draftRequirements: ['ktp', 'akta'] }));
    const link = { url: 'https://kanim.example/upload/1-draft-1', expiresAt: '2026-01-10T03:00:00.000Z' };
    expect(decision.replies).toEqual([
      {
        type: 'text',
        body: messages.documents.incomplete(['KK', 'Surat keterangan kehilangan dari kepolisian'], {
          mode: 'web',
          uploadUrl: link.url,
          validUntil: '2026-01-10',
        }),
      },
    ]);
    expect(decision.conversation).toEqual({ ...documents({ link }), open: { 1: { draftId: 'draft-1', link } } });
  });

  it('moves on to the registration instruction when every requirement has a document', () => {
    const decision = decide(documents(), text('SELESAI'), context({}, { draftRequirements: ['ktp', 'kk', 'akta', 'surat-kehilangan'] }));
    expect(decision.replies).toEqual([{ type: 'text', body: messages.registrationInstruction() }]);
    expect(decision.conversation.step).toEqual({ name: 'registration', serviceId: 1, draftId: 'draft-1' });
  });

  it('points a photo sent in the chat back to the upload link', () => {
    expect(bodies(documents(), jpeg('m1'), context())).toEqual([
      messages.prompts.filesThroughLink({ mode: 'web', uploadUrl: 'https://kanim.example/upload/1-draft-1', validUntil: '2026-01-10' }),
    ]);
  });
});

describe('stage 3 in form mode', () => {
  it("takes SELESAI at the applicant's word", () => {
    const decision = decide(documents(), text('SELESAI'), context({ uploadMode: 'form', formUrl: 'https://forms.example/x' }));
    expect(decision.conversation.step.name).toBe('registration');
  });
});

describe('stage 3 in chat mode', () => {
  const chat = { uploadMode: 'chat' as const };

  it('asks for the first requirement by name right after the requirement list', () => {
    const decision = decide(at({ name: 'menu' }), text('2'), context(chat));
    expect(decision.replies.map((reply) => (reply.type === 'text' ? reply.body : ''))[1]).toBe(messages.documents.ask('KTP'));
    expect(decision.conversation.step).toMatchObject({ name: 'documents', serviceId: 2, asking: 'ktp', pages: {} });
  });

  it('files a photo under the requirement asked for, acknowledges it by name and asks for the next', () => {
    const decision = decide(documents({ pages: {}, asking: 'ktp' }), jpeg('media-1'), context(chat));
    expect(bodies(documents({ pages: {}, asking: 'ktp' }), jpeg('media-1'), context(chat))).toEqual([
      `${messages.documents.received('KTP', 1)}\n${messages.documents.ask('KK')}`,
    ]);
    expect(decision.effects).toEqual([
      {
        type: 'store-media',
        draftId: 'draft-1',
        requirement: 'ktp',
        mediaId: 'media-1',
        mimeType: 'image/jpeg',
        sha256: 'abc=',
        filename: 'ktp-1.jpg',
        key: 'documents/draft-1/ktp/media-1.jpg',
      },
    ]);
    expect(decision.conversation.step).toMatchObject({ pages: { ktp: 1 }, asking: 'kk', last: 'ktp' });
  });

  it('files by caption when the caption names a requirement of the service', () => {
    const decision = decide(documents({ pages: {}, asking: 'ktp' }), jpeg('m', 'Surat Keterangan Kehilangan Polres'), context(chat));
    expect(decision.effects[0]).toMatchObject({ requirement: 'surat-kehilangan' });
    expect(decision.conversation.step).toMatchObject({ asking: 'ktp' });
  });

  it('says the success line when the last requirement is in', () => {
    const step = documents({ pages: { ktp: 1, kk: 1, akta: 2 }, asking: 'surat-kehilangan' });
    expect(bodies(step, jpeg('m'), context(chat))[0]).toContain(messages.documents.allReceived);
  });

  it('adds a page to the last requirement after TAMBAH, and clears it after ULANG', () => {
    const filled = documents({ pages: { ktp: 1 }, asking: 'kk', last: 'ktp' });
    const afterTambah = decide(filled, text('tambah'), context(chat));
    expect(afterTambah.conversation.step).toMatchObject({ appendTo: 'ktp' });
    expect(decide(afterTambah.conversation, jpeg('m2'), context(chat)).effects[0]).toMatchObject({ requirement: 'ktp' });
    const afterUlang = decide(filled, text('ULANG'), context(chat));
    expect(afterUlang.effects).toEqual([{ type: 'clear-requirement', draftId: 'draft-1', requirement: 'ktp' }]);
    expect(afterUlang.conversation.step).toMatchObject({ pages: { ktp: 0 }, asking: 'ktp' });
  });

  it('refuses audio, video, stickers and other file types by naming what is accepted', () => {
    const audio: InboundContent = { kind: 'media', mediaKind: 'audio', mediaId: 'a', mimeType: 'audio/ogg' };
    const word: InboundContent = { kind: 'media', mediaKind: 'document', mediaId: 'w', mimeType: 'application/msword' };
    for (const input of [audio, word]) {
      const decision = decide(documents({ pages: {}, asking: 'ktp' }), input, context(chat));
      expect(decision.effects).toEqual([]);
      expect(bodies(documents({ pages: {}, asking: 'ktp' }), input, context(chat))).toEqual([messages.documents.wrongType('KTP')]);
    }
  });

  it('explains a file that turned out too large, keeping the conversation as it was', () => {
    const step = documents({ pages: {}, asking: 'ktp' });
    const decision = decide(step, { kind: 'media-failed', reason: 'too-large', size: 7.5 * 1024 * 1024 }, context(chat));
    expect(decision.replies).toEqual([{ type: 'text', body: messages.documents.tooLarge('KTP', '7.5') }]);
    expect(decision.conversation).toBe(step);
  });
});

describe('stage 4: the registration line', () => {
  const registering = at({ name: 'registration', serviceId: 3, draftId: 'draft-1' });

  it('creates a PENDING registration with the reserved number, owned by this account', () => {
    const decision = decide(registering, text(LINE), context({}, { nikHolder: null, queueNumber: 'KRC-002' }));
    expect(decision.replies).toEqual([{ type: 'text', body: messages.registrationSucceeded('KRC-002', 'Ahmad Budiman') }]);
    expect(decision.effects).toEqual([
      {
        type: 'create-registration',
        registration: {
          queueNumber: 'KRC-002',
          name: 'Ahmad Budiman',
          placeOfBirth: 'JAKARTA',
          dateOfBirth: '1990-08-15',
          nik: '3201231508900001',
          phone: '6289617841945',
          serviceId: 3,
          status: 'PENDING',
          createdAt: NOW.toISOString(),
          ownerKey: applicant.key,
          ownerWaId: applicant.waId,
          profileName: 'Budi',
          draftId: 'draft-1',
          documentsMode: 'web',
          flags: [],
          rescheduled: false,
          // The privacy notice the applicant agreed to, copied for the officers' page.
          consent: registering.consent,
        },
      },
    ]);
    expect(decision.conversation.step).toEqual({ name: 'idle' });
  });

  it('refuses a NIK that already holds an open registration, naming the number only to its owner', () => {
    const own = decide(registering, text(LINE), context({}, { nikHolder: { queueNumber: 'KRC-001', ownerKey: applicant.key } }));
    expect(own.replies).toEqual([{ type: 'text', body: messages.registration.nikHasOpenRegistration('KRC-001') }]);
    const other = decide(registering, text(LINE), context({}, { nikHolder: { queueNumber: 'KRC-001', ownerKey: 'someone-else' } }));
    expect(other.replies).toEqual([{ type: 'text', body: messages.registration.nikHeldElsewhere(testOffice()) }]);
    expect(other.effects).toEqual([]);
  });

  it("answers a wrong line with the field's own message and keeps the step, counting the refusal", () => {
    const decision = decide(registering, text('DAFTAR/Ahmad/JAKARTA/15-08-1990'), context());
    expect(decision.replies[0]?.type === 'text' && decision.replies[0].body).toContain('DAFTAR/Ahmad Budiman/JAKARTA/15-08-1990/3201231508900001/089617841945');
    expect(decision.conversation).toEqual({ ...registering, step: { ...registering.step, refused: 1 } });
  });

  it('says a text is not yet a registration line and sends the blank form, rather than repeating the instruction', () => {
    expect(bodies(registering, text('sudah'), context())).toEqual([messages.registration.notALine, messages.registrationTemplate]);
  });

  it('tells someone at the menu to choose a service before registering, each person their own', () => {
    expect(bodies(at({ name: 'menu' }), text(LINE), context())).toEqual([messages.registration.eachPersonOwnRegistration(testOffice().services)]);
  });
});
