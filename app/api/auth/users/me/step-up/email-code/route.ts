import { NextResponse } from "next/server";
import { auth } from "@/lib/auth";
import { accountRoute } from "@/lib/api/route";

/** Mails a code that step-up takes in place of the authenticator's (`codeMethod: "email"`), for this session only. */
export const POST = accountRoute("step-up.email-code", async ({ request: { headers }, record }) => {
  await auth.api.sendTwoFactorOTP({ headers, body: {} });
  await record("To confirm it's you");
  return NextResponse.json({ status: "sent" }, { status: 202 });
});
