#!/usr/bin/env node
// Next's standalone server serves .next/static and public/ from its own folder but leaves copying
// them to the deployer (https://nextjs.org/docs/app/api-reference/config/next-config-js/output).
// Copying here makes .next/standalone complete after every `npm run build`.
import { cpSync, existsSync } from "node:fs";

const standalone = ".next/standalone";
// Hosts with their own build output (Vercel) produce no standalone folder; nothing to complete.
if (existsSync(standalone)) {
  cpSync(".next/static", `${standalone}/.next/static`, { recursive: true });
  if (existsSync("public")) cpSync("public", `${standalone}/public`, { recursive: true });
}
