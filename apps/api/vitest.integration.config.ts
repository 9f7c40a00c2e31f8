import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// Integration tests (`*.integration-test.ts`): real processes against a real PostgreSQL
// (TEST_DATABASE_URL, default 127.0.0.1:5432). `npx vitest run --config vitest.integration.config.ts`
export default defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.integration-test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
    pool: 'forks',
  },
});
