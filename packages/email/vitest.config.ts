import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // With DATABASE_URL every test file shares one server and so one 'send-email' queue: a
    // worker of one file would deliver another file's emails through the wrong transport.
    fileParallelism: false,
  },
});
