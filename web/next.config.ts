import type { NextConfig } from "next";

const config: NextConfig = {
  transpilePackages: ["@orderly/shared", "@orderly/prisma"],
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
