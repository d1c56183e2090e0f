// Two projects: `unit` needs nothing but Node; `integration` talks to real Kafka and Redis,
// which packages/testing/src/jest-global-setup.ts finds or starts before any test runs.
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  moduleNameMapper: { '^@riskstream/([a-z-]+)$': '<rootDir>/packages/$1/src' },
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/.stack/', '<rootDir>/.cache/'],
  modulePathIgnorePatterns: ['<rootDir>/.stack/', '<rootDir>/.cache/', '/dist/'],
};

/** @type {import('jest').Config} */
module.exports = {
  // Applies to every project: Jest ignores testTimeout inside a project entry.
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['**/test/**/*.test.ts'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '\\.int\\.test\\.ts$'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['**/test/**/*.int.test.ts'],
      globalSetup: '<rootDir>/packages/testing/src/jest-global-setup.ts',
      globalTeardown: '<rootDir>/packages/testing/src/jest-global-teardown.ts',
    },
  ],
};
