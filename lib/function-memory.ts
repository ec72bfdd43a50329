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
  /** The officer's pages, 29 ms of CPU each: 512 MB is 71 ms (70%) slower than a full vCPU, 1,024 MB 21 ms. */
  admin: 1024,
  /** Once a day, 94 ms of CPU per 200 registrations: 1,024 MB is within 25% of a full vCPU. */
  reminder: 1024,
} as const;

export type SweptFunction = keyof typeof FUNCTION_MEMORY_MB;
