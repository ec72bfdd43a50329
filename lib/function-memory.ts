/**
 * Each function's memory size, in one place: chosen from the measured sweep of duration × price
 * (`npm run bench -- --memory-sweep`, README "Memory per function"). Lambda gives CPU in proportion to
 * memory, so this is as much a CPU setting as a memory one.
 */
export const FUNCTION_MEMORY_MB = {
  /** Its cold init (51 ms CPU at a full vCPU) stays under 250 ms from 512 MB up; 256 MB would double it. */
  webhook: 512,
  /** Mostly waiting for DynamoDB and the Graph API: 1,024 MB would save 7 ms a step at 1.6 times the price. */
  conversation: 512,
  /** 24 ms of CPU per call (SigV4 presigning, the arrived file's check): 1,024 MB is 17 ms (47%) slower. */
  upload: 1769,
  /** The officer's pages, 26 ms of CPU each (quiet sweep of 7 December): 1,024 MB is 19 ms (51%) slower than a full vCPU. */
  admin: 1769,
  /** 62 ms of CPU per 200 registrations (quiet sweep of 7 December): 1,024 MB is 45 ms (32%) slower than a full vCPU. */
  reminder: 1769,
} as const;

export type SweptFunction = keyof typeof FUNCTION_MEMORY_MB;
