import type { ComponentProps } from "react";

const variants = {
  primary:
    "bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300",
  secondary:
    "border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800",
  ghost: "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
  danger: "bg-red-600 text-white hover:bg-red-700",
} as const;

export const buttonClassName = (variant: keyof typeof variants = "primary", className = "") =>
  `inline-flex h-10 items-center justify-center gap-2 rounded-lg px-4 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50 ${variants[variant]} ${className}`;

type ButtonProps = ComponentProps<"button"> & {
  variant?: keyof typeof variants;
  /** Disables the button and says so to assistive technology while a request is under way. */
  pending?: boolean;
};

export function Button({ variant = "primary", pending = false, disabled, className, children, type = "button", ...props }: ButtonProps) {
  return (
    <button type={type} className={buttonClassName(variant, className)} disabled={disabled || pending} aria-busy={pending || undefined} {...props}>
      {pending && <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-current border-t-transparent" />}
      {children}
    </button>
  );
}
