import { NextResponse } from "next/server";
import { exportAccountData } from "@/lib/account/export";
import { trustIdentifier } from "@/lib/account/trusted-devices";
import { accountRoute } from "@/lib/api/route";

/** Everything the account holds about the person, as one JSON file. */
export const GET = accountRoute("account.export", async ({ request, session, record }) => {
  const data = await exportAccountData(session, trustIdentifier(request.headers));
  await record("Everything, as a JSON file");
  return NextResponse.json(data, {
    headers: { "content-disposition": `attachment; filename="account-data-${data.exportedAt.slice(0, 10)}.json"`, "cache-control": "no-store" },
  });
});
