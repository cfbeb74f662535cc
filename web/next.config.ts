import type { NextConfig } from "next";

/** Sent with every answer; pages also get a Content-Security-Policy with a nonce from proxy.ts. */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), payment=(), geolocation=(self)" },
];

const config: NextConfig = {
  transpilePackages: ["@orderly/shared", "@orderly/prisma"],
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "redis", "rate-limiter-flexible"],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }, { key: "Cache-Control", value: "no-store" }] },
    ];
  },
};

export default config;
