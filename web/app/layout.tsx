import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: "Orderly",
  description: "Order from Malabar Table and watch it come to you, live.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#14532d" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request: its Content-Security-Policy nonce is (proxy.ts).
  await connection();
  return (
    <html lang="en-IN">
      <body>{children}</body>
    </html>
  );
}
