/** Stage 4 one question at a time and through a WhatsApp Flow, in the conversation core. */
import { decide, lookupsFor, type Conversation, type DecisionContext, type Questions } from '../../lambdas/domain/conversation';
import type { InboundContent } from '../../lambdas/domain/inbound';
import { messages } from '../../lambdas/domain/texts';
import type { OfficeProfile } from '../../lambdas/domain/office';
import { testOffice } from '../support/office';

const NOW = new Date('2026-01-05T03:00:00Z');
const NIK = '3201231508900001';
const applicant = { key: '6281234567890', waId: '6281234567890' };
const ANSWERS = { name: 'Ahmad Budiman', placeOfBirth: 'JAKARTA', dateOfBirth: '15-08-1990', nik: NIK, phone: '089617841945' } as const;

function context(office: Partial<OfficeProfile> = {}, facts: DecisionContext['facts'] = {}): DecisionContext {
  return { now: NOW, office: testOffice(office), applicant, newDraftId: 'draft-2', uploadLink: () => 'https://kanim.example/u/x', facts };
}
const text = (value: string): InboundContent => ({ kind: 'text', text: value });
const asking = (questions: Questions): Conversation => ({ step: { name: 'registration', serviceId: 1, draftId: 'draft-1', questions } });
const bodies = (conversation: Conversation, input: InboundContent, ctx = context()) =>
  decide(conversation, input, ctx).replies.map((reply) => (reply.type === 'text' ? reply.body : reply.type));

describe('one question at a time', () => {
  it('takes a one-letter slip of a command as an answer, but an exact command as the command', () => {
    const atPlace = asking({ answers: { name: 'Ahmad Budiman' }, asking: 'placeOfBirth' });
    expect(bodies(atPlace, text('Batam'))).toEqual([messages.questions.ask.dateOfBirth]);
    expect(decide(atPlace, text('Batam'), context()).conversation.step).toMatchObject({
      questions: { answers: { placeOfBirth: 'Batam' }, asking: 'dateOfBirth' },
    });
    expect(bodies(atPlace, text('MENU'), context({ menuAsList: false }))).toEqual([messages.welcome(testOffice())]);
  });

  it('asks for the NIK only when the last answer completes a valid registration', () => {
    const atPhone = asking({ answers: { name: 'Ahmad Budiman', placeOfBirth: 'JAKARTA', dateOfBirth: '15-08-1990', nik: NIK }, asking: 'phone' });
    expect(lookupsFor(atPhone, text('089617841945'), { now: NOW, office: testOffice() })).toEqual({ nik: NIK });
    expect(lookupsFor(atPhone, text('12345'), { now: NOW, office: testOffice() })).toEqual({});
  });

  it('on TIDAK to a NIK/birth-date mismatch asks the birth date and the NIK again, keeping the rest', () => {
    const confirming = asking({ answers: { ...ANSWERS, dateOfBirth: '16-08-1990' }, asking: 'confirm' });
    const decision = decide(confirming, text('tidak'), context());
    expect(decision.replies).toEqual([{ type: 'text', body: messages.questions.ask.dateOfBirth }]);
    expect(decision.conversation.step).toMatchObject({
      questions: { answers: { name: 'Ahmad Budiman', placeOfBirth: 'JAKARTA', phone: '089617841945' }, asking: 'dateOfBirth' },
    });
    expect(bodies(confirming, text('mungkin'))).toEqual([messages.questions.confirmMismatch]);
  });

  it('asks the NIK again when it already holds an open registration, keeping the other answers', () => {
    const atPhone = asking({ answers: { name: 'Ahmad Budiman', placeOfBirth: 'JAKARTA', dateOfBirth: '15-08-1990', nik: NIK }, asking: 'phone' });
    const decision = decide(atPhone, text('089617841945'), context({}, { nikHolder: { queueNumber: 'KRC-001', ownerKey: 'someone-else' } }));
    expect(decision.effects).toEqual([]);
    expect(decision.replies).toEqual([{ type: 'text', body: `${messages.registration.nikHeldElsewhere(testOffice())}\n\n${messages.questions.ask.nik}` }]);
    expect(decision.conversation.step).toMatchObject({ questions: { asking: 'nik', answers: { name: 'Ahmad Budiman', phone: '089617841945' } } });
    expect(decision.conversation.step).not.toHaveProperty('questions.answers.nik');
  });
});

describe('a WhatsApp Flow reply', () => {
  it('registers like a line, and outside stage 4 is explained like a line', () => {
    const atRegistration: Conversation = { step: { name: 'registration', serviceId: 1, draftId: 'draft-1' } };
    const form: InboundContent = { kind: 'form', fields: ANSWERS };
    expect(lookupsFor(atRegistration, form, { now: NOW, office: testOffice() })).toEqual({ nik: NIK });
    const decision = decide(atRegistration, form, context({}, { nikHolder: null, queueNumber: 'KRC-009' }));
    expect(decision.effects).toEqual([
      expect.objectContaining({
        type: 'create-registration',
        registration: expect.objectContaining({ nik: NIK, dateOfBirth: '1990-08-15', phone: '6289617841945' }),
      }),
    ]);
    expect(bodies({ step: { name: 'menu' } }, form)).toEqual([messages.registration.eachPersonOwnRegistration(testOffice().services)]);
  });
});
