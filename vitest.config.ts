import { defineConfig } from 'vitest/config';

// Tests sit beside the code (src/**/*.test.ts) and in test/ (integration and e2e).
// Files run in separate processes: store tests isolate themselves with their own
// SQLite file and their own PostgreSQL schema, so files may run in parallel.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
