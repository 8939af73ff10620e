import type { ReactNode } from "react";

export function Card({ title, description, children, headingLevel: Heading = "h2" }: { title: string; description?: ReactNode; children: ReactNode; headingLevel?: "h1" | "h2" }) {
  return (
    <section className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <Heading className="text-base font-semibold">{title}</Heading>
      {description && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
      <div className="mt-5">{children}</div>
    </section>
  );
}
