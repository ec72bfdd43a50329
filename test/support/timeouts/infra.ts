// Jest ignores `testTimeout` inside `projects` (jestjs/jest#9759): each tier sets its own here.
jest.setTimeout(60_000);
