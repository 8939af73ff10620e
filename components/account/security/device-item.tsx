import type { ReactNode } from "react";
import { ThisDeviceBadge } from "@/components/account/security/this-device-badge";

type DeviceItemProps = {
  /** "Chrome 131 on macOS 15". */
  name: string;
  current: boolean;
  facts: [label: string, value: string][];
  /** The row's button, when it has one. */
  action?: ReactNode;
};

/** One device in a list of them (sessions, trusted devices): what it is, its facts, what can be done. */
export function DeviceItem({ name, current, facts, action }: DeviceItemProps) {
  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between" aria-label={name}>
      <div className="min-w-0 text-sm">
        <p className="flex flex-wrap items-center gap-2 font-medium">
          {name}
          {current && <ThisDeviceBadge />}
        </p>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 text-zinc-600 dark:text-zinc-400">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt>{label}</dt>
              <dd className="break-words">{value}</dd>
            </div>
          ))}
        </dl>
      </div>
      {action}
    </li>
  );
}
