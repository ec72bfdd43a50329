/**
 * The checks of what an officer sends (dates, times, short texts), in zod's small build (zod/mini), as
 * everywhere else: the classic build was 448 KB of the admin function's cold start. It has no English
 * messages loaded, so each check names its problem itself, in Indonesian.
 */
import * as z from 'zod/mini';
import { isRealDate } from './calendar';
import { OFFICER_INPUT_PROBLEMS as PROBLEMS } from './texts/officer-actions';

const required = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? PROBLEMS.missing : PROBLEMS.mustBe(what)) });

export const officerInput = {
  required,
  text: (max: number) => z.string(required(PROBLEMS.text)).check(z.maxLength(max, PROBLEMS.tooLong(max))),
  isoDate: z.string(required(PROBLEMS.text)).check(
    z.refine((value) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      return Boolean(match) && isRealDate(Number(match?.[1]), Number(match?.[2]), Number(match?.[3]));
    }, PROBLEMS.date),
  ),
  time: z.string(required(PROBLEMS.text)).check(z.regex(/^\d{2}:\d{2}$/, PROBLEMS.time)),
  flag: z.boolean(required(PROBLEMS.flag)),
};
