import type { ReactNode } from "react";
import { CenteredPanel } from "@/components/centered-panel";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return <CenteredPanel>{children}</CenteredPanel>;
}
