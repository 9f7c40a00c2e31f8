import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One `web` suite, two kinds: unit tests in Node, and component tests (`*.component.test.tsx`)
// rendering the real forms and tables in jsdom with Testing Library.
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['src/**/*.component.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['src/test-support/component-setup.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
