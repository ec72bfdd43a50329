/**
 * The webhook's object schemas parse interpreted while cold and compiled once hot: the answer (values,
 * dropped keys, issues and their paths) must be the same on both sides of the switch.
 */
import * as z from 'zod/mini';
import { COMPILE_AFTER, fastObject } from '../../lambdas/adapters/zod-fast-object';

const message = fastObject({
  id: z.string(),
  type: z.string(),
  text: z.optional(fastObject({ body: z.string() })),
  errors: z.optional(z.array(fastObject({ code: z.optional(z.number()) }))),
});

const inputs: unknown[] = [
  { id: 'wamid.1', type: 'text', text: { body: 'halo' }, extra: 'dropped' },
  { id: 'wamid.2', type: 'image' },
  { id: 'wamid.3', type: 'text', text: { body: 42 } },
  { id: 4, type: 'text', errors: [{ code: 'x' }, { code: 131047 }] },
  'not an object',
  null,
];

const answers = () => inputs.map((input) => JSON.stringify(message.safeParse(input)));

it('answers the same before and after it compiles, dropping unknown keys and naming each problem by its path', () => {
  const cold = answers();
  for (let index = 0; index < COMPILE_AFTER; index += 1) message.safeParse(inputs[0]);
  expect(answers()).toEqual(cold);

  expect(message.parse(inputs[0])).toEqual({ id: 'wamid.1', type: 'text', text: { body: 'halo' } });
  expect(message.safeParse(inputs[2]).error?.issues.map((issue) => issue.path)).toEqual([['text', 'body']]);
  expect(message.safeParse(inputs[3]).error?.issues.map((issue) => issue.path)).toEqual([['id'], ['errors', 0, 'code']]);
  expect(message.safeParse(null).success).toBe(false);
});
