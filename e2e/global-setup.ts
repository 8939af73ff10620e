import { startSmtpSink } from "./support/smtp-sink";
import { dropPostgresDatabase, e2eSettings } from "./support/settings";

// Runs after the web servers (the OIDC provider and the apps) are up; mail is only sent once tests run.
export default async function globalSetup() {
  const { smtpPort, mailDirectory, apps } = e2eSettings();
  const stopSmtpSink = await startSmtpSink(smtpPort, mailDirectory);
  return async () => {
    await stopSmtpSink();
    // The SQLite file goes with the run's temporary folder; a PostgreSQL database has to be dropped.
    for (const app of apps) if (app.database === "postgresql") await dropPostgresDatabase(app.databaseUrl);
  };
}
