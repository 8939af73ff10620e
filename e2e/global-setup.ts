import { startSmtpSink } from "./support/smtp-sink";
import { e2eSettings } from "./support/settings";

export default async function globalSetup() {
  const { smtpPort, mailDirectory } = e2eSettings();
  const stop = await startSmtpSink(smtpPort, mailDirectory);
  return stop;
}
