/** Marks the row that is the browser looking at the page. */
export function ThisDeviceBadge() {
  return <span className="rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-semibold text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">This device</span>;
}
