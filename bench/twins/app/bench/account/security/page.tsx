import type { Metadata } from "next";
import { SecurityView } from "@/components/account/security/security-view";
import { security } from "@/bench/fixtures";

export const metadata: Metadata = { title: "Security" };

export default function SecurityTwin() {
  return <SecurityView {...security} />;
}
