/** Jest: swc for TypeScript (decorators + metadata), real PostgreSQL (see tests/helpers). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swc] },
  testMatch: ['<rootDir>/tests/**/*.test.ts', '<rootDir>/src/**/*.spec.ts'],
  // Stryker's sandboxes (npm run mutation) hold a copy of the project: never collect from them.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp/'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/.stryker-tmp/'],
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
  testTimeout: 120000,
  maxWorkers: 2,
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.js'],
  // Coverage: `npm test` passes --coverage (a single file run with `npm run jest -- <file>` does not,
  // so the floors below do not fail it). Printed as one table row per folder of src/ and a summary;
  // coverage/coverage-summary.json has the per-file numbers.
  collectCoverageFrom: ['<rootDir>/src/**/*.ts', '!<rootDir>/src/**/*.spec.ts'],
  coverageReporters: [require.resolve('./tests/helpers/coverage-folders.js'), 'text-summary', 'json-summary'],
  // Floors the full suite must keep (lines and branches of each folder as a whole), a little below
  // the numbers measured when they were set (see the README's development section).
  coverageThreshold: {
    './src/modules/': { lines: 95, branches: 81 },
    './src/graphql/': { lines: 94, branches: 84 },
  },
};
