import type { ComponentProps } from "react";

type CheckboxProps = Omit<ComponentProps<"input">, "type"> & { label: string; hint?: string };

export function Checkbox({ label, hint, className = "", ...props }: CheckboxProps) {
  return (
    <label className={`flex items-start gap-3 text-sm ${className}`}>
      <input type="checkbox" className="mt-0.5 size-4 shrink-0 accent-indigo-600 dark:accent-indigo-400" {...props} />
      <span>
        <span className="font-medium">{label}</span>
        {hint && <span className="block text-zinc-600 dark:text-zinc-400">{hint}</span>}
      </span>
    </label>
  );
}
