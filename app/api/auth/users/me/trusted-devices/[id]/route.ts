import { NextResponse } from "next/server";
import { deviceName } from "@/lib/account/activity";
import { revokeTrustedDevice } from "@/lib/account/trusted-devices";
import { ApiError } from "@/lib/api/errors";
import { accountRoute } from "@/lib/api/route";

/** Stops trusting one device, found by id; someone else's and one that does not exist answer alike. */
export const DELETE = accountRoute<undefined, { id: string }>("trusted-devices.revoke", async ({ session, params, record }) => {
  const revoked = await revokeTrustedDevice(session.user.id, params.id);
  if (!revoked) throw new ApiError("NOT_FOUND", "No such trusted device.");
  await record(deviceName(revoked.userAgent));
  return new NextResponse(null, { status: 204 });
});
