const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** One date format on the security page, the same on the server and in the browser (so no hydration mismatch). */
export function formatDate(iso: string) {
  return `${dateFormat.format(new Date(iso))} UTC`;
}
