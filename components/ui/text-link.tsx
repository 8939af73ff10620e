import Link, { type LinkProps } from "next/link";
import type { ReactNode } from "react";

export function TextLink({ children, ...props }: LinkProps & { children: ReactNode }) {
  return (
    <Link {...props} className="font-medium text-indigo-700 underline-offset-4 hover:underline dark:text-indigo-300">
      {children}
    </Link>
  );
}
