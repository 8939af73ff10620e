const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("") || "?";

/** The user's picture, or their initials when they have none. Decorative: the name is always beside it. */
export function Avatar({ name, image, size = 32 }: { name: string; image?: string | null; size?: number }) {
  const style = { width: size, height: size, fontSize: size * 0.4 };
  if (image) {
    // eslint-disable-next-line @next/next/no-img-element -- our own small, already-optimised image route
    return <img src={image} alt="" width={size} height={size} style={style} className="rounded-full object-cover" />;
  }
  return (
    <span aria-hidden style={style} className="inline-flex shrink-0 items-center justify-center rounded-full bg-indigo-100 font-semibold text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100">
      {initialsOf(name)}
    </span>
  );
}
