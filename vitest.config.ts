import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Property tests run hundreds of searches; give them room on a loaded machine.
    testTimeout: 30_000,
  },
})
