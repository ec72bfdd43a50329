import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import jestPlugin from 'eslint-plugin-jest';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'cdk.out/**', '.local-data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  // Configuration is read in one place: lambdas/config.ts (and local/config.ts, local/main.ts for the local
  // run); everything else gets its settings handed in by the wiring (lambdas/wiring/).
  {
    files: ['lambdas/**/*.ts', 'lib/**/*.ts', 'local/**/*.ts'],
    ignores: ['lambdas/config.ts', 'local/config.ts', 'local/main.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration in lambdas/config.ts and hand it in through lambdas/wiring/.' },
      ],
    },
  },
  // The layers (README "Architecture"): the domain is pure, use cases see only the domain and the ports,
  // adapters never reach up into a handler, a use case or an HTTP surface.
  {
    files: ['lambdas/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*', '../**'], message: 'domain/ imports nothing outside itself.' },
            {
              group: ['@aws-sdk/*', 'aws-lambda', '@aws-lambda-powertools/*', 'node:fs', 'node:http', 'node:https'],
              message: 'domain/ stays pure: no AWS, Lambda or I/O.',
            },
          ],
        },
      ],
    },
  },
  // A folder inside the domain (texts/) may import the rest of the domain, one level up, and still nothing outside.
  {
    files: ['lambdas/domain/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../../*', '../../**'], message: 'domain/ imports nothing outside itself.' },
            {
              group: ['@aws-sdk/*', 'aws-lambda', '@aws-lambda-powertools/*', 'node:fs', 'node:http', 'node:https'],
              message: 'domain/ stays pure: no AWS, Lambda or I/O.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['lambdas/use-cases/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../adapters/*', '../handlers/*', '../admin/*', '../upload/*', '../wiring/*', '../config', '../*.json', '../../*'],
              message: 'A use case imports only the domain and the ports (ports.ts, queue-events.ts, errors.ts, metric-names.ts).',
            },
            { group: ['@aws-sdk/*', 'aws-lambda', '@aws-lambda-powertools/*'], message: 'A use case talks to AWS only through a port.' },
          ],
        },
      ],
    },
  },
  {
    files: ['lambdas/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../handlers/*', '../use-cases/*', '../admin/*', '../upload/*', '../wiring/*'],
              message: 'An adapter implements a port (ports.ts); it imports no handler, use case, HTTP surface or wiring.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/public/**/*.js', 'local/sim/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
  {
    files: ['*.js', '*.cjs'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    plugins: { jest: jestPlugin },
    rules: {
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/expect-expect': 'off',
    },
  },
  {
    files: ['local/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'bin/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
