import { NextResponse } from "next/server";
import { setPreferredSecondFactor } from "@/lib/account/second-factor-settings";
import { accountRoute } from "@/lib/api/route";
import type { PreferredSecondFactor } from "@/lib/validation/security";

export const PUT = accountRoute<{ method: PreferredSecondFactor }>("two-factor.preferred", async ({ session, body }) =>
  NextResponse.json(await setPreferredSecondFactor(session.user, body.method)),
);
