import type { ReactNode } from "react";

const tones = {
  default: "border-zinc-200 dark:border-zinc-800",
  danger: "border-red-300 dark:border-red-900",
} as const;

type CardProps = {
  id?: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  headingLevel?: "h1" | "h2";
  tone?: keyof typeof tones;
};

export function Card({ id, title, description, children, headingLevel: Heading = "h2", tone = "default" }: CardProps) {
  return (
    <section id={id} className={`scroll-mt-6 rounded-xl border bg-white p-6 shadow-sm dark:bg-zinc-900 ${tones[tone]}`}>
      <Heading className="text-base font-semibold">{title}</Heading>
      {description && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
      <div className="mt-5">{children}</div>
    </section>
  );
}
