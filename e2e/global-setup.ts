import { startSmtpSink } from "./support/smtp-sink";
import { e2eSettings } from "./support/settings";

// Runs after the web servers (the OIDC provider and the app) are up; mail is only sent once tests run.
export default async function globalSetup() {
  const { smtpPort, mailDirectory } = e2eSettings();
  return startSmtpSink(smtpPort, mailDirectory);
}
