import type { Metadata } from "next";
import { StepUpProvider } from "@/components/account/step-up";
import { ProfileView } from "@/components/account/profile/profile-view";
import { proofs, profile } from "@/bench/fixtures";

export const metadata: Metadata = { title: "Profile" };

export default function ProfileTwin() {
  return (
    <StepUpProvider proofs={proofs}>
      <ProfileView {...profile} />
    </StepUpProvider>
  );
}
