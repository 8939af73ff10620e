import type { StepUpProofs } from "@/components/account/step-up";
import type { ProfileViewProps } from "@/components/account/profile/profile-view";
import type { SecurityViewProps } from "@/components/account/security/security-view";

// What `npm run bench` signs in as, as the real pages show it: a password, no provider, four devices
// signed in (the mailed link signs in too, and the bench's own requests name no browser), and a
// sign-in for each in the activity list.
const at = (minutesAgo: number) => new Date(Date.UTC(2026, 11, 4, 12, 0) - minutesAgo * 60_000).toISOString();

export const user = { name: "Bench Person", email: "bench@bastion.test", image: null };

export const proofs: StepUpProofs = { hasPassword: true, hasPasskey: false, twoFactorEnabled: false, emailCode: false, preferred: "authenticator" };

export const profile: ProfileViewProps = {
  profile: { ...user, emailVerified: true, createdAt: new Date(at(60)) },
  pendingEmail: null,
  hasPassword: true,
  connections: [],
  providers: [],
  deletionLinkInvalid: false,
  deletionGraceDays: 7,
};

const devices = ["Unknown browser on Unknown system", "Safari 17 on macOS Sonoma", "Firefox 133 on Linux", "Unknown browser on Unknown system"];

export const security: SecurityViewProps = {
  email: user.email,
  appName: "Bastion",
  hasPassword: true,
  twoFactor: { enabled: false, backupCodesLeft: 0 },
  secondFactor: { emailCode: false, methods: ["authenticator", "backup"], preferred: "authenticator" },
  passkeys: [],
  sessions: devices.map((device, index) => {
    const [browser, os] = device.split(" on ");
    return { id: `session-${index}`, browser: browser!, os: os!, ipAddress: `127.0.0.${index + 2}`, location: "This network", signedInAt: at(30 - index), lastActiveAt: at(index), current: index === 0 };
  }),
  trustedDevices: [],
  apiKeys: [],
  placeCredit: { text: "IP Geolocation by DB-IP", href: "https://db-ip.com" },
  activity: {
    entries: devices.map((device, index) => ({
      id: `event-${index}`,
      type: "sign_in",
      title: "Signed in",
      detail: null,
      device,
      ipAddress: `127.0.0.${index + 2}`,
      location: "This network",
      createdAt: at(30 - index),
      currentSession: index === 0,
    })),
    page: 1,
    hasOlder: false,
    retentionDays: 90,
  },
};
