import { NextResponse } from "next/server";
import type { z } from "zod";
import { forgetTrustedDevices, listTrustedDevices, trustIdentifier } from "@/lib/account/trusted-devices";
import { accountRoute } from "@/lib/api/route";
import type { trustedDevicesSchema } from "@/lib/validation/responses";

/** The devices trusted to skip the second step, the asking one marked. */
export const GET = accountRoute("trusted-devices.list", async ({ request, session }) => {
  const devices = await listTrustedDevices(session.user.id, trustIdentifier(request.headers));
  return NextResponse.json({
    trustedDevices: devices.map((device) => ({
      ...device,
      trustedAt: device.trustedAt.toISOString(),
      lastUsedAt: device.lastUsedAt.toISOString(),
      expiresAt: device.expiresAt.toISOString(),
    })),
  } satisfies z.infer<typeof trustedDevicesSchema>);
});

/** Every trusted device is asked for the code at its next sign-in. */
export const DELETE = accountRoute("trusted-devices.revoke-all", async ({ session, record }) => {
  const revoked = await forgetTrustedDevices(session.user.id);
  if (revoked > 0) await record(revoked === 1 ? "1 device" : `All ${revoked} devices`);
  return NextResponse.json({ revoked });
});
