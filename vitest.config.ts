import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["shared", "prisma", "realtime-server", "web"],
  },
});
