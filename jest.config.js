// One jest run over every workspace; TypeScript through @swc/jest (no type check here: `npm test` runs tsc -b first).
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/engine/src', '<rootDir>/runtime/src', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  moduleNameMapper: { '^@qyzmet/engine$': '<rootDir>/engine/src/index.ts' },
  // Browser suites start Chromium and a server each: give them room on a 2-core machine.
  testTimeout: 30_000,
};
