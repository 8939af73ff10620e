import type { Metadata } from "next";
import { PageHeader } from "@/components/account/page-header";

export const metadata: Metadata = { title: "Security" };

export default function SecurityPage() {
  return <PageHeader title="Security" description="Your password, two-factor authentication and the devices signed in to your account." />;
}
