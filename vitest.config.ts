import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: in-process tests of one module or a few, the ones a developer runs
 * every minute (`npm run test:unit`, under a minute). `e2e`: tests named `*.e2e.test.ts` that
 * run the real binary, a browser or a server, or lay out whole data sets. `npm test` runs both.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.e2e.test.ts'],
          // Worker threads, each keeping its modules between files: satori, resvg and sharp
          // load once a worker, not once a file (43 files took a minute, mostly loading).
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        // The end-to-end tests run the built binary: dist/ is built first when it is stale.
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
