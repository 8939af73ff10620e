import { PageHeader } from "@/components/account/page-header";
import { ApiKeysCard, type ApiKeyRow } from "@/components/account/security/api-keys-card";
import { PasswordForm } from "@/components/account/security/password-form";
import { PasskeysCard, type PasskeyRow } from "@/components/account/security/passkeys-card";
import { SecurityActivity, type ActivityRow } from "@/components/account/security/security-activity";
import { SessionsList, type SessionRow } from "@/components/account/security/sessions-list";
import { TrustedDevicesList, type TrustedDeviceRow } from "@/components/account/security/trusted-devices-list";
import { TwoFactorCard } from "@/components/account/security/two-factor-card";
import { Card } from "@/components/ui/card";
import type { SecondFactorState } from "@/lib/account/second-factor";

export type SecurityViewProps = {
  email: string;
  appName: string;
  hasPassword: boolean;
  twoFactor: { enabled: boolean; backupCodesLeft: number };
  secondFactor: SecondFactorState;
  passkeys: PasskeyRow[];
  sessions: SessionRow[];
  trustedDevices: TrustedDeviceRow[];
  apiKeys: ApiKeyRow[];
  activity: { entries: ActivityRow[]; page: number; hasOlder: boolean; retentionDays: number };
  /** The credit the location database asks for wherever its places are shown. */
  placeCredit: { text: string; href: string } | null;
};

/** The security page as the person sees it, from data the page has read. */
export function SecurityView({ email, appName, hasPassword, twoFactor, secondFactor, passkeys, sessions, trustedDevices, apiKeys, activity, placeCredit }: SecurityViewProps) {
  return (
    <>
      <PageHeader title="Security" description="Your password, two-factor authentication, passkeys, the devices signed in to your account and its security activity." />
      <div className="flex flex-col gap-6">
        <Card title="Password" description="Change the password you sign in with.">
          {hasPassword ? (
            <PasswordForm />
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">You sign in with a connected account and have no password yet. Set one from your profile.</p>
          )}
        </Card>
        <Card title="Two-factor authentication" description="A code from an authenticator app (or, if you turn it on, from your email) at every sign-in, on top of your password.">
          {hasPassword ? (
            <TwoFactorCard enabled={twoFactor.enabled} backupCodesLeft={twoFactor.backupCodesLeft} appName={appName} email={email} secondFactor={secondFactor} />
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">Two-factor authentication needs a password. Set one first.</p>
          )}
        </Card>
        {(twoFactor.enabled || trustedDevices.length > 0) && (
          <Card
            id="trusted-devices"
            title="Trusted devices"
            description="Browsers where you chose to skip the two-factor code for 30 days. Revoke one you do not use or recognise: it will ask for a code again."
          >
            <TrustedDevicesList devices={trustedDevices} />
          </Card>
        )}
        <Card
          id="passkeys"
          title="Passkeys"
          description="Sign in with your fingerprint, face or device PIN instead of your password and a code. A passkey stays on your device or in your password manager, and works only on this site."
        >
          <PasskeysCard passkeys={passkeys} />
        </Card>
        <Card title="Active sessions" description="Devices signed in to your account. Revoke any you do not recognise.">
          <SessionsList sessions={sessions} />
        </Card>
        <Card
          id="api-keys"
          title="API keys"
          description="For scripts that use your account through the REST API (Authorization: Bearer …). Each key reads, or manages within limits, until it expires or you revoke it."
        >
          <ApiKeysCard apiKeys={apiKeys} />
        </Card>
        <Card
          id="activity"
          title="Security activity"
          description={`Sign-ins and changes to your account's security from the last ${activity.retentionDays} days, newest first. A sign-in you do not recognise? Choose "This wasn't me".`}
        >
          <SecurityActivity entries={activity.entries} page={activity.page} hasOlder={activity.hasOlder} email={email} />
        </Card>
        {placeCredit && (
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Location data:{" "}
            <a href={placeCredit.href} className="underline underline-offset-2 hover:text-zinc-900 dark:hover:text-zinc-200">
              {placeCredit.text}
            </a>
          </p>
        )}
      </div>
    </>
  );
}
