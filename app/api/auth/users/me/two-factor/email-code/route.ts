import { NextResponse } from "next/server";
import { setEmailCode } from "@/lib/account/second-factor-settings";
import { accountRoute } from "@/lib/api/route";
import { emailCodeOn } from "@/lib/policy/check";

// Asking for what is already so changes nothing, and so records and mails nothing.
export const PUT = accountRoute("two-factor.email-code.enable", async ({ session, record }) => {
  const state = await setEmailCode(session.user, true);
  if (!emailCodeOn(session.user)) await record();
  return NextResponse.json(state);
});

export const DELETE = accountRoute("two-factor.email-code.disable", async ({ session, record }) => {
  const state = await setEmailCode(session.user, false);
  if (emailCodeOn(session.user)) await record();
  return NextResponse.json(state);
});
