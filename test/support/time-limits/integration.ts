/** Integration tier: real servers on a shared 2-core machine. (A project's `testTimeout` is ignored by Jest 30.) */
jest.setTimeout(60_000);
