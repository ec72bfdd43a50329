/** Browser tier: Chromium and a real server on a shared machine. (A project's `testTimeout` is ignored by Jest 30.) */
jest.setTimeout(90_000);
