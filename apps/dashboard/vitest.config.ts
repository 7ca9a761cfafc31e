import { defineConfig } from 'vitest/config';

export default defineConfig({
  // tsconfig keeps JSX as-is for Next's compiler; tests need it compiled to the React 19 runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    // Integration tests migrate a fresh database first.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
