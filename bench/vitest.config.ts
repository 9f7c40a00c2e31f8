import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '.out/**'],
    // PGlite compiles a WASM Postgres per worker and builds its migrated template once
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
