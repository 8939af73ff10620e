import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // libSQL ships a native addon per platform; load it from node_modules instead of bundling it.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql"],
  poweredByHeader: false,
};

export default nextConfig;
