/** The interfaces the core needs; adapters implement them, the wiring (lambdas/wiring/) connects them. */
export type * from './applicants';
export type * from './deliveries';
export type * from './runtime';
export type * from './documents';
export type * from './registrations';
export type * from './officers';
export type * from './offices';
export type * from './daily-summaries';
