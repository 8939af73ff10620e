import { listAllSecurityActivity } from "@/lib/account/activity";
import { activityCsv } from "@/lib/account/export";
import { accountRoute } from "@/lib/api/route";

/** The whole security activity as a CSV file. */
export const GET = accountRoute("activity.download", async ({ session, record }) => {
  const csv = activityCsv(await listAllSecurityActivity(session.user.id, session.session.id));
  await record("The security activity, as a CSV file");
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="security-activity-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
