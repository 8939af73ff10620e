import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { OIDC_CLIENT } from "./e2e/support/oidc-provider.mjs";
import { DATABASES, E2E_CRON_SECRET, E2E_SECRET, prepareE2eSettings } from "./e2e/support/settings";

const settings = await prepareE2eSettings();

// Debian's Chromium where it is installed (CI, and machines without access to Playwright's
// downloads); Playwright's own browser everywhere else. Its headless shell first: the suite runs
// headless, and the shell does the same work in about half the CPU time of the full browser.
const chromiumPath =
  process.env.CHROMIUM_PATH || ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path));

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // The machines this runs on have two cores; the app servers need their share of them.
  workers: process.env.CI ? 2 : undefined,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  globalSetup: "./e2e/global-setup.ts",
  // Several tests walk whole journeys (enable two-factor, sign out, sign in with a code) on 2 cores.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    // Recording costs CI a fifth of its run on two cores, and nobody opens a CI run's traces here; a
    // recording context now and then never finished tearing down (microsoft/playwright#18016).
    trace: process.env.CI ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  // The whole suite once per database, each against an app server of its own (see webServer).
  // A file named *.<database>.spec.ts runs only in that database's project.
  projects: settings.apps.map(({ database, baseURL }) => ({
    name: database,
    use: { ...devices["Desktop Chrome"], baseURL },
    testIgnore: DATABASES.filter((other) => other !== database).map((other) => `**/*.${other}.spec.ts`),
  })),
  webServer: [
    {
      // Started first: the app reads the provider's discovery document when it starts.
      command: `node e2e/support/oidc-provider.mjs ${settings.oidcPort}`,
      url: `${settings.oidcIssuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    ...settings.apps.map(({ database, port, baseURL, databaseUrl }) => ({
      // A production build (npm run test:e2e builds first), started the way `npm start` and the Docker
      // image start it: migrations first, then the standalone server, on a database of its own.
      command: "npm run start",
      url: `${baseURL}/api/health`,
      name: database,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe" as const,
      env: {
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        DATABASE_URL: databaseUrl,
        BETTER_AUTH_URL: baseURL,
        BETTER_AUTH_SECRET: E2E_SECRET,
        CRON_SECRET: E2E_CRON_SECRET,
        SMTP_URL: `smtp://127.0.0.1:${settings.smtpPort}`,
        MAIL_FROM: "Bastion <no-reply@bastion.test>",
        OIDC_ISSUER: settings.oidcIssuer,
        OIDC_CLIENT_ID: OIDC_CLIENT.id,
        OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
        OIDC_NAME: OIDC_CLIENT.name,
        NEXT_TELEMETRY_DISABLED: "1",
        // Every test signs in from 127.0.0.1; better-auth allows 3 sign-ins per 10 s per address.
        RATE_LIMIT_SCALE: "100",
      },
    })),
  ],
});
