import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      "shared",
      "prisma",
      "realtime-server",
      "web",
      {
        test: {
          name: "scripts",
          include: ["scripts/test/**/*.test.ts"],
          testTimeout: 180_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
