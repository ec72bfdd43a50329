/**
 * Each function's memory size, in one place: chosen from the measured sweep of duration × price
 * (`npm run bench -- --memory-sweep`, README "Memory per function"). Lambda gives CPU in proportion to
 * memory, so this is as much a CPU setting as a memory one.
 */
export const FUNCTION_MEMORY_MB = {
  webhook: 512,
  conversation: 512,
  upload: 512,
  admin: 512,
  reminder: 512,
} as const;

export type SweptFunction = keyof typeof FUNCTION_MEMORY_MB;
