/**
 * The one configuration module: every environment name the functions read is declared here once (the
 * stacks in `lib/` type their `environment` blocks with `FunctionEnvironment`, so the stack and the code
 * cannot disagree on a name), each function's settings are parsed with zod and fail fast with a message
 * that names the bad value, and `process.env` is read here and nowhere else in `lambdas/` (lint rule).
 * The office profile comes from `config/office.json`, overridable per deployment by environment.
 *
 * `env.ts`: the names and the one read of the environment; `functions.ts`: what each function needs;
 * `office.ts`: the office profile, the WhatsApp settings and the holiday list.
 */
export * from './env';
export * from './functions';
export * from './office';
export * from './offices';
export * from './office-directory';
export * from './office-saving';
export * from './webhook';
