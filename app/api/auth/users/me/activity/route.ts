import { NextResponse } from "next/server";
import { listSecurityActivity } from "@/lib/account/activity";
import { accountRoute } from "@/lib/api/route";

/** One page of the security activity, newest first. */
export const GET = accountRoute<undefined, Record<string, string>, { page: number }>("activity.list", async ({ session, query }) =>
  NextResponse.json(await listSecurityActivity(session.user.id, query.page, session.session.id)),
);
