import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A self-contained server (.next/standalone/server.js) with only the files it uses: what the Docker
  // image and `npm start` run. Vercel builds its own output and ignores this.
  output: "standalone",
  // libSQL ships a native addon per platform; load it from node_modules instead of bundling it.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql", "@prisma/adapter-pg"],
  poweredByHeader: false,
};

export default nextConfig;
