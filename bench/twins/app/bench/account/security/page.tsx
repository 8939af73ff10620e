import type { Metadata } from "next";
import { StepUpProvider } from "@/components/account/step-up";
import { SecurityView } from "@/components/account/security/security-view";
import { proofs, security } from "@/bench/fixtures";

export const metadata: Metadata = { title: "Security" };

export default function SecurityTwin() {
  return (
    <StepUpProvider proofs={proofs}>
      <SecurityView {...security} />
    </StepUpProvider>
  );
}
