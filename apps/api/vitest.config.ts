import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // one graphql instance: the CommonJS entry that Node (and so every Pothos/Yoga package) loads
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
    pool: 'forks',
    // Many of these tests wait on PostgreSQL or on a child process they started, so two files
    // at a time pay off even on two cores, where Vitest's default is one (cores − 1): measured
    // 10.9 min wall for 15 min of file time on a busy 2-core machine.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
