"use client";

import { useFormatDate } from "@/components/account/format-date";
import { DeviceItem } from "@/components/account/security/device-item";
import { useRevoke } from "@/components/account/security/use-revoke";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type TrustedDeviceRow = {
  id: string;
  browser: string;
  os: string;
  ipAddress: string | null;
  location: string | null;
  trustedAt: string;
  lastUsedAt: string;
  expiresAt: string;
  current: boolean;
};

export function TrustedDevicesList({ devices }: { devices: TrustedDeviceRow[] }) {
  const formatDate = useFormatDate();
  const { pending, result, revoke } = useRevoke();

  return (
    <div className="flex flex-col gap-4">
      {result && <Alert tone={result.tone}>{result.message}</Alert>}
      {devices.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          No device skips the code. When you enter a code at sign-in, &ldquo;Trust this device for 30 days&rdquo; lets that browser skip it.
        </p>
      ) : (
        <ul aria-label="Trusted devices" className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {devices.map((device) => (
            <DeviceItem
              key={device.id}
              name={`${device.browser} on ${device.os}`}
              current={device.current}
              facts={[
                ["IP address", device.ipAddress ?? "Unknown"],
                ["Location", device.location ?? "Unknown"],
                ["Trusted", formatDate(device.trustedAt)],
                ["Last used", formatDate(device.lastUsedAt)],
                ["Expires", formatDate(device.expiresAt)],
              ]}
              action={
                <Button
                  variant="secondary"
                  className="shrink-0 self-start sm:self-center"
                  pending={pending === device.id}
                  disabled={pending !== undefined}
                  aria-label={`Stop trusting ${device.browser} on ${device.os}, trusted ${formatDate(device.trustedAt)}`}
                  onClick={() =>
                    revoke(device.id, `/api/auth/users/me/trusted-devices/${encodeURIComponent(device.id)}`, () =>
                      device.current ? "This device is no longer trusted: it will ask for a code at your next sign-in." : "That device is no longer trusted: it will ask for a code at its next sign-in.",
                    )
                  }
                >
                  Revoke
                </Button>
              }
            />
          ))}
        </ul>
      )}
      {devices.length > 1 && (
        <div>
          <Button
            variant="secondary"
            pending={pending === "all"}
            disabled={pending !== undefined}
            onClick={() =>
              revoke("all", "/api/auth/users/me/trusted-devices", (answer) => {
                const revoked = answer?.revoked ?? 0;
                return `${revoked === 1 ? "1 device is" : `${revoked} devices are`} no longer trusted: each will ask for a code at its next sign-in.`;
              })
            }
          >
            Revoke all
          </Button>
        </div>
      )}
    </div>
  );
}
