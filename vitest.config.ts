import { defineConfig } from 'vitest/config';

// Unit tests sit next to the code as *.test.ts; integration tests (real servers, real files,
// real processes) as *.int.test.ts. End-to-end specs in e2e/ belong to Playwright, not here.
const exclude = ['node_modules/**', 'out/**', 'dist/**', 'e2e/**'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['**/*.test.ts'],
          exclude: [...exclude, '**/*.int.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude,
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
