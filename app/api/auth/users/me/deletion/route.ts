import { NextResponse } from "next/server";
import { keepAccount } from "@/lib/account/deletion";
import { ApiError } from "@/lib/api/errors";
import { accountRoute } from "@/lib/api/route";

/** "Keep my account": the scheduled deletion is off. */
export const DELETE = accountRoute("account.keep", async ({ session, record }) => {
  if (!(await keepAccount(session.user.id))) throw new ApiError("NOT_FOUND", "No deletion is scheduled for this account.");
  await record();
  return new NextResponse(null, { status: 204 });
});
