import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Eleventy loads .eleventy.ts with Node's own import(), outside Vite: tsx must be registered.
    setupFiles: ["tests/setup/register-tsx.ts"],
    globalSetup: ["tests/setup/build-sample-site.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
