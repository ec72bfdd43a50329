/**
 * The applicant's conversation as a pure state machine: (conversation, input, context) → (conversation,
 * replies, effects). No I/O, no clock, no configuration lookups: everything arrives as arguments, and
 * whatever needs the outside world is returned as an effect for the caller to carry out. One module per
 * stage or concern; the words it sends are in ../texts.
 */
export { decide } from './decide';
export { lookupsFor } from './lookups';
export { applyNotice, reminderReply, SERVICE_WINDOW_MS, windowOpen, windowedChoice } from './notices';
export { normaliseKeyword, plainWordsChoice } from './words';
export {
  MENU_CHOICE_PREFIX,
  NEW_CONVERSATION,
  type ApplicantIdentity,
  type Conversation,
  type Decision,
  type DecisionContext,
  type Effect,
  type Facts,
  type IssuedLink,
  type MediaFailure,
  type Notice,
  type OpenApplication,
  type PageCounts,
  type Questions,
  type Step,
} from './types';
