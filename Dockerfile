# syntax=docker/dockerfile:1
# Bastion on Next's standalone output. Build: docker build -t bastion .
# Run:   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e BETTER_AUTH_URL=… \
#          -e BETTER_AUTH_SECRET=… -e SMTP_URL=… bastion
# or with the SQLite file on a volume: -e DATABASE_URL=file:/app/data/bastion.db -v bastion-data:/app/data

ARG NODE_VERSION=20
FROM node:${NODE_VERSION}-bookworm-slim AS base
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1

# What `npm install` needs besides package.json: the patch for Prisma's PostgreSQL adapter and the
# schemas the Prisma clients are generated from.
FROM base AS install
COPY package.json package-lock.json prisma.config.ts ./
COPY patches ./patches
COPY prisma ./prisma
COPY scripts ./scripts
COPY lib/database-url.ts ./lib/database-url.ts

# Every dependency, for the build. Dependencies' own install scripts stay off (as package.json's
# allowScripts has it for npm 11); ours patches the adapter and generates the Prisma clients.
FROM install AS deps
RUN npm ci --ignore-scripts --no-audit --no-fund && npm run postinstall

# What applies migrations when the container starts: the production dependencies (the Prisma CLI,
# the adapters, @next/env), less what only builds or serves the app. The server brings its own
# traced node_modules inside .next/standalone, the city database among them.
FROM install AS migrate-deps
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm run postinstall \
 && rm -rf node_modules/next node_modules/@next/swc-* node_modules/sharp node_modules/@img \
      node_modules/typescript node_modules/vite node_modules/rolldown node_modules/@rolldown \
      node_modules/vitest node_modules/@vitest node_modules/playwright node_modules/playwright-core node_modules/@playwright \
      node_modules/@ip-location-db

FROM base AS build
COPY --from=deps /app/node_modules ./node_modules
COPY . .
COPY --from=deps /app/lib/generated ./lib/generated
RUN npm run build

FROM base AS runner
ENV NODE_ENV=production \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATABASE_URL=file:/app/data/bastion.db
RUN groupadd --system --gid 1001 bastion && useradd --system --uid 1001 --gid bastion --no-create-home bastion
# Owned by root and read-only for the app's user; only the SQLite folder is writable.
COPY --from=migrate-deps /app/node_modules ./node_modules
COPY --from=install /app ./
COPY --from=build /app/.next/standalone ./.next/standalone
RUN mkdir -p data .next/standalone/.next/cache && chown bastion:bastion data .next/standalone/.next/cache
USER bastion
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same command as `npm start`: apply pending migrations, then serve.
CMD ["node", "scripts/start.mjs"]
