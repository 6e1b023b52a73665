import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup-require.ts', 'test/setup-buffers.ts'],
    // End-to-end tests spawn the built CLI; give slow CI machines room.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The suite must not depend on the machine's zone: run it in a zone far from China's.
    env: { TZ: 'America/St_Johns' },
  },
});
