import { defineConfig } from 'vitest/config';

/** Tests run on TypeScript sources through the `@mlsys/source` export condition. */
export default defineConfig({
  resolve: { conditions: ['@mlsys/source'] },
  ssr: { resolve: { conditions: ['@mlsys/source'] } },
  test: {
    include: ['{apps,packages}/*/src/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
