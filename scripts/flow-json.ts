/**
 * The parts of Meta's Flow JSON that the registration Flow uses (flows/registration.json), as a zod
 * schema, and the checks Meta's Flow builder would make on them: the names the bot reads
 * (FLOW_PAYLOAD_NAMES) each come from an input and reach the terminal screen's `complete` payload, and
 * every navigation ends on a screen that exists. `templates:register` checks the file before uploading it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FLOW_PAYLOAD_NAMES, REGISTRATION_FLOW_SCREEN } from '../lambdas/domain/registration-flow';

export const REGISTRATION_FLOW_FILE = join(__dirname, '..', 'flows', 'registration.json');

const action = z.discriminatedUnion('name', [
  z.object({ name: z.literal('complete'), payload: z.record(z.string(), z.string()) }),
  z.object({
    name: z.literal('navigate'),
    next: z.object({ type: z.literal('screen'), name: z.string() }),
    payload: z.record(z.string(), z.string()).optional(),
  }),
]);

// Meta's limits: input labels 20 characters, helper texts 80, footer labels 35, text bodies 4096.
const inputName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower case, digits and _');
const label = z.string().min(1).max(20);
const helperText = z.string().min(1).max(80);

const component: z.ZodType<FlowComponent> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('TextHeading'), text: z.string().min(1).max(80) }),
    z.object({ type: z.literal('TextSubheading'), text: z.string().min(1).max(80) }),
    z.object({ type: z.literal('TextBody'), text: z.string().min(1).max(4096) }),
    z.object({
      type: z.literal('TextInput'),
      name: inputName,
      label,
      'input-type': z.enum(['text', 'number', 'email', 'password', 'passcode', 'phone']),
      required: z.boolean().optional(),
      'min-chars': z.number().int().min(0).optional(),
      'max-chars': z.number().int().min(1).optional(),
      'helper-text': helperText.optional(),
    }),
    z.object({
      type: z.literal('DatePicker'),
      name: inputName,
      label,
      required: z.boolean().optional(),
      'min-date': z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
        .optional(),
      'max-date': z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
        .optional(),
      'helper-text': helperText.optional(),
    }),
    z.object({ type: z.literal('Footer'), label: z.string().min(1).max(35), 'on-click-action': action }),
    z.object({ type: z.literal('Form'), name: inputName, children: z.array(component).min(1) }),
  ]),
);

export type FlowComponent =
  | { type: 'TextHeading' | 'TextSubheading' | 'TextBody'; text: string }
  | {
      type: 'TextInput';
      name: string;
      label: string;
      'input-type': 'text' | 'number' | 'email' | 'password' | 'passcode' | 'phone';
      required?: boolean | undefined;
      'min-chars'?: number | undefined;
      'max-chars'?: number | undefined;
      'helper-text'?: string | undefined;
    }
  | {
      type: 'DatePicker';
      name: string;
      label: string;
      required?: boolean | undefined;
      'min-date'?: string | undefined;
      'max-date'?: string | undefined;
      'helper-text'?: string | undefined;
    }
  | { type: 'Footer'; label: string; 'on-click-action': z.infer<typeof action> }
  | { type: 'Form'; name: string; children: FlowComponent[] };

export const flowJsonSchema = z.object({
  /** 5.0 and later: a DatePicker's value and limits are `YYYY-MM-DD` strings, not timestamps. */
  version: z.string().regex(/^([5-9]|\d{2,})\.\d+$/, 'Flow JSON 5.0 or later (DatePicker values as YYYY-MM-DD)'),
  screens: z
    .array(
      z.object({
        id: z.string().regex(/^[A-Z][A-Z_]*$/, 'capital letters and _'),
        title: z.string().min(1),
        terminal: z.boolean().optional(),
        success: z.boolean().optional(),
        data: z.record(z.string(), z.unknown()).optional(),
        layout: z.object({ type: z.literal('SingleColumnLayout'), children: z.array(component).min(1) }),
      }),
    )
    .min(1),
});
export type FlowJson = z.infer<typeof flowJsonSchema>;

function flatten(children: readonly FlowComponent[]): FlowComponent[] {
  return children.flatMap((child) => (child.type === 'Form' ? [child, ...flatten(child.children)] : [child]));
}

/** What Meta's validation would find in a Flow JSON of the parts we use (schema, routing, terminal screen). */
export function flowJsonProblems(value: unknown): string[] {
  return checkFlow(value).problems;
}

function checkFlow(value: unknown): { flow?: FlowJson; problems: string[] } {
  const parsed = flowJsonSchema.safeParse(value);
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`) };
  const flow = parsed.data;
  const problems: string[] = [];
  const ids = new Set(flow.screens.map((screen) => screen.id));
  if (ids.size !== flow.screens.length) problems.push('screen ids repeat');
  for (const screen of flow.screens) {
    const components = flatten(screen.layout.children);
    const inputs = new Map(components.flatMap((c) => (c.type === 'TextInput' || c.type === 'DatePicker' ? [[c.name, c] as const] : [])));
    const footers = components.flatMap((c) => (c.type === 'Footer' ? [c] : []));
    if (footers.length > 1) problems.push(`${screen.id}: more than one Footer`);
    for (const footer of footers) {
      const onClick = footer['on-click-action'];
      if (onClick.name === 'navigate' && !ids.has(onClick.next.name)) problems.push(`${screen.id}: navigates to ${onClick.next.name}, which is no screen`);
      if (onClick.name === 'complete' && !screen.terminal) problems.push(`${screen.id}: completes the Flow but is not terminal`);
      for (const [key, reference] of Object.entries(onClick.payload ?? {})) {
        const input = /^\$\{form\.([a-z0-9_]+)\}$/.exec(reference)?.[1];
        if (input !== undefined && !inputs.has(input)) problems.push(`${screen.id}: payload ${key} reads form.${input}, which is no input of the screen`);
      }
    }
    if (screen.terminal && !footers.some((footer) => footer['on-click-action'].name === 'complete'))
      problems.push(`${screen.id}: a terminal screen needs a Footer that completes the Flow`);
  }
  if (!flow.screens.some((screen) => screen.terminal)) problems.push('no terminal screen');
  return { flow, problems };
}

/** Problems with a Flow JSON for the registration (empty when it is fit to publish): Meta's, then the bot's. */
export function registrationFlowProblems(value: unknown): string[] {
  const { flow, problems } = checkFlow(value);
  if (!flow) return problems;
  if (!flow.screens.some((screen) => screen.id === REGISTRATION_FLOW_SCREEN))
    problems.push(`no screen ${REGISTRATION_FLOW_SCREEN} (the one the bot's message opens)`);
  const terminal = flow.screens.find((screen) => screen.terminal);
  if (!terminal) return problems;
  const completing =
    flatten(terminal.layout.children).flatMap((c) =>
      c.type === 'Footer' && c['on-click-action'].name === 'complete' ? [c['on-click-action'].payload] : [],
    )[0] ?? {};
  for (const name of Object.values(FLOW_PAYLOAD_NAMES)) {
    if (completing[name] === undefined) problems.push(`the complete payload has no ${name}`);
  }
  return problems;
}

/** The registration Flow as shipped, read from the repository. */
export function readRegistrationFlow(file: string = REGISTRATION_FLOW_FILE): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}
