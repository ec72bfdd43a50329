/** What officers' decisions and the day-before reminder send, inside or outside the 24-hour window. */
import { requirementName } from '../documents';
import { messages, type AppointmentFacts, type DocumentsHint } from '../texts';
import { type OfficeProfile } from '../office';
import { zoneLabelOf, officeToday } from '../offices';
import { maskNik } from '../personal-data';
import { type Reply, type TemplateParameters } from '../replies';
import { cancelledTemplate, changedTemplate, confirmedTemplate, fixTemplate, REMINDER_BUTTONS, reminderPayload, reminderTemplate } from '../templates';
import { serviceOf, text } from './helpers';
import { calledNotice, finishedNotice, noShowNotice } from './day-of';
import { currentLink } from './menu';
import { ADVANCE_BUTTON, canAdvance } from './waitlist';
import { type Conversation, type Decision, type DecisionContext, type Notice } from './types';

/** Meta allows free-form messages for 24 hours after the applicant's last message; keep a margin. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000 - 10 * 60 * 1000;

export function windowOpen(lastInboundAt: string | undefined, now: Date): boolean {
  return lastInboundAt !== undefined && now.getTime() - Date.parse(lastInboundAt) < SERVICE_WINDOW_MS;
}

/**
 * The free-form message inside the 24-hour window (with its template kept for a 131047 answer), the
 * approved template outside it.
 */
export function windowed(freeForm: Extract<Reply, { type: 'text' | 'document' | 'buttons' | 'list' }>, template: TemplateParameters, open: boolean): Reply {
  return open ? { ...freeForm, outsideWindow: { type: 'template', template } } : { type: 'template', template };
}

/**
 * A message with buttons the system starts (a closed day's dates, a waitlist offer): itself inside the
 * window, with its template kept for a 131047 answer; the template outside it.
 */
export function windowedChoice(freeForm: Reply, template: TemplateParameters, lastInboundAt: string | undefined, now: Date): Reply {
  if (freeForm.type !== 'buttons' && freeForm.type !== 'list') return freeForm;
  return windowed(freeForm, template, windowOpen(lastInboundAt, now));
}

export function applyNotice(conversation: Conversation, notice: Notice, context: DecisionContext & { readonly lastInboundAt?: string }): Decision {
  const registration = notice.registration;
  const open = windowOpen(context.lastInboundAt, context.now);
  const facts = {
    queueNumber: registration.queueNumber,
    name: registration.name,
    nik: registration.nik,
    date: registration.appointmentDate ?? '',
    time: registration.appointmentTime ?? '',
    zone: zoneLabelOf(context.office),
    ...(registration.note ? { note: registration.note } : {}),
  };
  const proofFile = { link: notice.proofLink ?? '', filename: `bukti-antrian-${registration.queueNumber}.pdf` };
  // Stage 5 / 7 with the proof: one message; where MAJUKAN can work, the PDF heads a message with its button.
  const proof = (caption: string): Extract<Reply, { type: 'document' | 'buttons' }> =>
    canAdvance(registration, context)
      ? { type: 'buttons', documentHeader: proofFile, body: caption, buttons: [ADVANCE_BUTTON] }
      : { type: 'document', ...proofFile, caption };
  switch (notice.kind) {
    case 'called':
      return calledNotice(conversation, registration);
    case 'no-show':
      return noShowNotice(conversation, registration, open);
    case 'finished':
      return finishedNotice(conversation, registration, open);
    case 'confirmed':
      return { conversation, replies: [windowed(proof(messages.scheduleConfirmed(facts)), confirmedTemplate(facts, proofFile), open)], effects: [] };
    case 'rescheduled': {
      const changed = { ...facts, oldDate: notice.previousDate ?? facts.date };
      return {
        conversation,
        replies: [windowed(proof(messages.scheduleChanged(changed, context.office)), changedTemplate(changed, proofFile), open)],
        effects: [],
      };
    }
    case 'cancelled': {
      const reason = registration.note ?? '';
      return {
        conversation,
        replies: [
          windowed(
            text(messages.notifications.cancelled(registration.queueNumber, registration.name, reason)) as Extract<Reply, { type: 'text' }>,
            cancelledTemplate(registration.queueNumber, registration.name, reason),
            open,
          ),
        ],
        effects: [],
      };
    }
    case 'fix-requested': {
      const service = serviceOf(registration, context.office.services);
      const requirements = service.requirements.filter((id) => registration.fixRequirements?.includes(id) ?? true);
      const mode = context.office.uploadMode;
      // The fix page repeats the officer's note: the applicant sees what to redo where they redo it.
      const link = mode === 'web' ? currentLink(undefined, service.id, registration.draftId, requirements, context, registration.note) : undefined;
      const hint: DocumentsHint = link
        ? { mode: 'web', uploadUrl: link.url, validUntil: officeToday(new Date(link.expiresAt), context.office) }
        : mode === 'form'
          ? { mode, formUrl: context.office.formUrl ?? '' }
          : { mode: 'chat' };
      const names = requirements.map(requirementName);
      const note = registration.note ?? '';
      return {
        conversation: {
          step: {
            name: 'documents',
            serviceId: service.id,
            draftId: registration.draftId,
            fixFor: { queueNumber: registration.queueNumber, requirements },
            ...(mode === 'chat' ? { pages: {}, asking: requirements[0] } : {}),
            ...(link ? { link } : {}),
          },
          ...(conversation.open ? { open: conversation.open } : {}),
        },
        replies: [
          windowed(
            text(messages.notifications.fixRequested(registration.queueNumber, registration.name, note, names, hint)) as Extract<Reply, { type: 'text' }>,
            fixTemplate(registration.queueNumber, registration.name, note, names, hint),
            open,
          ),
        ],
        effects: [],
      };
    }
  }
}

/**
 * Stage 8: inside the window the text with the reply buttons Datang / Ubah jadwal / Batal (the same
 * payloads as the template's quick replies, so one answer path serves both), the template outside.
 */
export function reminderReply(facts: AppointmentFacts, office: OfficeProfile, lastInboundAt: string | undefined, now: Date): Reply {
  const shown = office.maskNikInReminder ? { ...facts, nik: maskNik(facts.nik) } : facts;
  const buttons = REMINDER_BUTTONS.map((button) => ({ id: reminderPayload(button.action, facts.queueNumber), title: button.text }));
  return windowed({ type: 'buttons', body: messages.reminder(shown, office), buttons }, reminderTemplate(shown, office), windowOpen(lastInboundAt, now));
}
