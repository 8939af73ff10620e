import type { Metadata } from "next";
import { ProfileView } from "@/components/account/profile/profile-view";
import { profile } from "@/bench/fixtures";

export const metadata: Metadata = { title: "Profile" };

export default function ProfileTwin() {
  return <ProfileView {...profile} />;
}
