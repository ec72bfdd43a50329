/**
 * A zod/mini object schema that, once it has parsed enough bodies to pay for it, parses through zod's
 * compiled fast path ($ZodObjectJIT, what classic `z.object` uses), and leaves out the keys it does not name.
 *
 * Why: zod/mini's own objects walk their shape interpreted, and a loose object walks every unknown key once
 * more; on Meta's webhook bodies the compiled parse costs about half. But compiling (a `new Function` per
 * object schema) costs milliseconds on the first body, which a cold webhook would pay while the applicant
 * waits. So each schema parses interpreted for its first `COMPILE_AFTER` bodies and compiles after that, as
 * a JavaScript engine tiers up hot code: a cold start pays nothing, a busy container gets the fast parse.
 * It is still zod: the same checks, issues and types.
 */
import * as z from 'zod/mini';
import { $constructor, $ZodObjectJIT, util, type $ZodObjectDef, type $ZodShape, type ParseContext } from 'zod/v4/core';

/** About where a compile (≈ 0.3 ms per schema) is paid back by ≈ 1–3 µs saved per parse. */
export const COMPILE_AFTER = 256;

const ZodMiniTieredObject = $constructor('ZodMiniTieredObject', (inst: z.ZodMiniObject, def: $ZodObjectDef) => {
  $ZodObjectJIT.init(inst, def);
  z.ZodMiniType.init(inst, def);
  util.installLazyProp(inst, 'shape', (self) => self._zod.def.shape, false);
  const parse = inst._zod.parse;
  let parses = 0;
  // `jitless` asks $ZodObjectJIT for its interpreted parse; nested objects passed that context stay interpreted too.
  inst._zod.parse = (payload, context) => {
    if (parses >= COMPILE_AFTER) return parse(payload, context);
    parses += 1;
    return parse(payload, { ...context, jitless: true } as ParseContext<z.core.$ZodIssue>);
  };
});

/** Like `z.object` of zod/mini (unknown keys are dropped, not refused), compiled once it is hot. */
export function fastObject<Shape extends $ZodShape>(shape: Shape): z.ZodMiniObject<Shape> {
  return new ZodMiniTieredObject({ type: 'object', shape }) as unknown as z.ZodMiniObject<Shape>;
}
