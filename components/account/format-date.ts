import { useHydrated } from "@/components/use-hydrated";

const WITH_TIME = { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" } as const;
const DATE_ONLY = { year: "numeric", month: "short", day: "numeric" } as const;

const formats = {
  dateTime: { utc: new Intl.DateTimeFormat("en", { ...WITH_TIME, timeZone: "UTC" }), local: () => new Intl.DateTimeFormat("en", WITH_TIME) },
  date: { utc: new Intl.DateTimeFormat("en", { ...DATE_ONLY, timeZone: "UTC" }), local: () => new Intl.DateTimeFormat("en", DATE_ONLY) },
};

/**
 * Dates as the viewer reads them, in their own time zone ("Dec 5, 2026, 8:09 AM GMT+1"). The server
 * cannot know that zone, so it and the hydrating browser write UTC, and the browser rewrites the
 * dates in its own zone right after: the two renders never disagree.
 */
export function useFormatDate(style: keyof typeof formats = "dateTime"): (iso: string) => string {
  const format = useHydrated() ? formats[style].local() : formats[style].utc;
  return (iso) => format.format(new Date(iso));
}
