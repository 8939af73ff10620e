import { startOidcProvider } from "./support/oidc-provider";
import { startSmtpSink } from "./support/smtp-sink";
import { e2eSettings } from "./support/settings";

export default async function globalSetup() {
  const { smtpPort, mailDirectory, oidcPort } = e2eSettings();
  const stopSmtp = await startSmtpSink(smtpPort, mailDirectory);
  const stopOidc = await startOidcProvider(oidcPort);
  return async () => {
    await Promise.all([stopSmtp(), stopOidc()]);
  };
}
