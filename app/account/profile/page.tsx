import type { Metadata } from "next";
import { PageHeader } from "@/components/account/page-header";

export const metadata: Metadata = { title: "Profile" };

export default function ProfilePage() {
  return <PageHeader title="Profile" description="Your name, picture, email address and connected accounts." />;
}
