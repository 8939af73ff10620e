/** "or" between two ways of doing the same thing. */
export function OrDivider() {
  return (
    <p className="flex items-center gap-3 text-xs text-zinc-600 uppercase dark:text-zinc-400">
      <span aria-hidden className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
      or
      <span aria-hidden className="h-px flex-1 bg-zinc-200 dark:bg-zinc-800" />
    </p>
  );
}
