/** Jest 30, ESM, TypeScript through ts-jest (type checking is `npm run typecheck`). */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  // Sources import with .ts extensions (Node 24 runs test-support directly); ts-jest may rewrite them to .js.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testTimeout: 30000,
  // With --coverage (npm test): src/ only; scripts/coverage.mjs adds what the bundle ran in children.
  collectCoverageFrom: ['src/**/*.ts'],
}
