/** The notice and consent step before the first personal data (UU 27/2022; domain/consent.ts). */
import { decide, type Conversation, type DecisionContext } from '../../lambdas/domain/conversation';
import type { InboundContent } from '../../lambdas/domain/inbound';
import { messages } from '../../lambdas/domain/texts';
import type { Reply } from '../../lambdas/domain/replies';
import { DEFAULT_SERVICES, findService } from '../../lambdas/domain/services';
import { consentTexts, PRIVACY_NOTICE_VERSION } from '../../lambdas/domain/texts/consent-and-corrections';
import { testOffice } from '../support/office';

const NOW = new Date('2026-01-05T03:00:00Z');
const linksMade: string[] = [];
const context = (overrides: Partial<DecisionContext> = {}): DecisionContext => ({
  now: NOW,
  office: testOffice(),
  applicant: { key: '6281234567890', waId: '6281234567890' },
  newDraftId: 'draft-1',
  uploadLink: (serviceId, draftId) => {
    const link = `https://kanim.example/upload/${serviceId}-${draftId}`;
    linksMade.push(link);
    return link;
  },
  facts: {},
  ...overrides,
});
const text = (value: string): InboundContent => ({ kind: 'text', text: value });
const tap = (id: string, title: string): InboundContent => ({ kind: 'choice', id, title });
const bodyOf = (reply: Reply | undefined) => (reply && 'body' in reply ? reply.body : '');
const atMenu: Conversation = { step: { name: 'menu' } };
const requirementsOfService1 = messages.requirements(findService(DEFAULT_SERVICES, 1)!, {
  mode: 'web',
  uploadUrl: 'https://kanim.example/upload/1-draft-1',
  validUntil: '2026-01-10',
});

beforeEach(() => {
  linksMade.length = 0;
});

describe('the privacy notice before the first personal data', () => {
  it('answers the choice of a service with the notice and two buttons, and no upload link yet', () => {
    const decision = decide(atMenu, text('1'), context());
    expect(decision.replies).toHaveLength(1);
    const [notice] = decision.replies;
    expect(notice?.type).toBe('buttons');
    expect(notice?.type === 'buttons' && notice.buttons.map((button) => button.title)).toEqual(['Setuju', 'Tidak setuju']);
    const body = bodyOf(notice);
    const office = testOffice();
    // Who, what, why, how long, who else sees it, and the rights.
    expect(body).toContain(office.officeName);
    expect(body).toContain('NIK');
    expect(body).toContain('wawancara BAP paspor');
    expect(body).toContain(`${office.retentionDays} hari`);
    expect(body).toContain('Meta');
    for (const command of ['DATA SAYA', 'UBAH DATA', 'HAPUS DATA', 'SETUJU', 'TIDAK']) expect(body).toContain(command);
    expect(body.length).toBeLessThanOrEqual(1024);
    expect(body).not.toContain('https://');
    expect(linksMade).toEqual([]);
    expect(decision.conversation.step).toEqual({ name: 'consent', serviceId: 1 });
    expect(decision.conversation.consent).toBeUndefined();
  });

  it.each([
    ['typed SETUJU', text('SETUJU')],
    ['typed in small letters', text(' setuju. ')],
    ['the Setuju button', tap('consent:yes', 'Setuju')],
  ])('goes on with the chosen service after %s, recording the version and time', (_how, answer) => {
    const asked = decide(atMenu, text('1'), context()).conversation;
    const decision = decide(asked, answer, context());
    expect(decision.replies).toEqual([{ type: 'text', body: requirementsOfService1 }]);
    expect(decision.conversation.consent).toEqual({ version: PRIVACY_NOTICE_VERSION, at: NOW.toISOString() });
    expect(decision.conversation.step).toMatchObject({ name: 'documents', serviceId: 1, draftId: 'draft-1' });
  });

  it.each([
    ['typed TIDAK', text('tidak')],
    ['the Tidak setuju button', tap('consent:no', 'Tidak setuju')],
  ])('accepts nothing after %s and says how to continue later', (_how, answer) => {
    const asked = decide(atMenu, text('3'), context()).conversation;
    const decision = decide(asked, answer, context());
    expect(decision.replies).toEqual([{ type: 'text', body: consentTexts.refused(3) }]);
    expect(bodyOf(decision.replies[0])).toContain('ketik angka layanan (3) lagi');
    expect(decision.conversation.consent).toBeUndefined();
    expect(decision.conversation.step).toEqual({ name: 'idle' });
    expect(decision.effects).toEqual([]);
    expect(linksMade).toEqual([]);
    // Later, the service number asks again.
    expect(decide(decision.conversation, text('3'), context()).conversation.step).toEqual({ name: 'consent', serviceId: 3 });
  });

  it('takes no registration line, document or form while the notice waits, and asks again', () => {
    const asked = decide(atMenu, text('1'), context()).conversation;
    const inputs: InboundContent[] = [
      text('DAFTAR/Ahmad Budiman/JAKARTA/15-08-1990/3201231508900001/089617841945'),
      { kind: 'media', mediaKind: 'image', mediaId: 'm-1', mimeType: 'image/jpeg' },
      { kind: 'form', fields: { name: 'Ahmad Budiman', placeOfBirth: 'JAKARTA', dateOfBirth: '15-08-1990', nik: '3201231508900001', phone: '089617841945' } },
    ];
    for (const input of inputs) {
      const decision = decide(asked, input, context());
      expect(decision.effects).toEqual([]);
      expect(bodyOf(decision.replies[0])).toBe(consentTexts.stillWaiting);
      expect(decision.replies[1]?.type).toBe('buttons');
      expect(decision.conversation.step).toEqual({ name: 'consent', serviceId: 1 });
    }
  });

  it('does not ask an applicant who agreed to the current notice again', () => {
    const agreed: Conversation = { step: { name: 'menu' }, consent: { version: PRIVACY_NOTICE_VERSION, at: '2025-12-01T00:00:00.000Z' } };
    const decision = decide(agreed, text('1'), context());
    expect(decision.replies).toEqual([{ type: 'text', body: requirementsOfService1 }]);
    expect(decision.conversation.consent).toEqual(agreed.consent);
  });

  it('asks again when the notice changed since the applicant agreed', () => {
    const older: Conversation = { step: { name: 'idle' }, consent: { version: '2024-10-17', at: '2025-12-01T00:00:00.000Z' } };
    const decision = decide(older, text('2'), context());
    expect(decision.replies[0]?.type).toBe('buttons');
    expect(decision.conversation.step).toEqual({ name: 'consent', serviceId: 2 });
    const agreed = decide(decision.conversation, text('SETUJU'), context());
    expect(agreed.conversation.consent).toEqual({ version: PRIVACY_NOTICE_VERSION, at: NOW.toISOString() });
  });

  it('keeps the agreement across later steps and copies it onto the registration', () => {
    let conversation = decide(decide(atMenu, text('1'), context()).conversation, text('SETUJU'), context()).conversation;
    conversation = decide(conversation, text('MENU'), context()).conversation;
    expect(conversation.consent?.version).toBe(PRIVACY_NOTICE_VERSION);
    const registering: Conversation = { ...conversation, step: { name: 'registration', serviceId: 1, draftId: 'draft-1' } };
    const decision = decide(
      registering,
      text('DAFTAR/Ahmad Budiman/JAKARTA/15-08-1990/3201231508900001/089617841945'),
      context({ facts: { nikHolder: null, queueNumber: 'KRC-002' } }),
    );
    const created = decision.effects.find((effect) => effect.type === 'create-registration');
    expect(created?.type === 'create-registration' && created.registration.consent).toEqual({ version: PRIVACY_NOTICE_VERSION, at: NOW.toISOString() });
    expect(decision.conversation.consent).toEqual(conversation.consent);
  });

  it('forgets the agreement with everything else on HAPUS DATA', () => {
    const agreed: Conversation = { step: { name: 'erase-confirm' }, consent: { version: PRIVACY_NOTICE_VERSION, at: NOW.toISOString() } };
    const decision = decide(agreed, text('YA HAPUS'), context({ facts: { ownRegistrations: [] } }));
    expect(decision.effects.some((effect) => effect.type === 'erase-applicant')).toBe(true);
    expect(decision.conversation.consent).toBeUndefined();
  });
});
