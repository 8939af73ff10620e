import type { Profile } from "@/lib/account/profile";
import { AvatarUpload } from "./avatar-upload";

const memberSince = new Intl.DateTimeFormat("en", { month: "long", year: "numeric", timeZone: "UTC" });

/** Who is signed in, at a glance: picture, name, address and whether it is verified, and since when. */
export function ProfileSummary({ profile }: { profile: Profile }) {
  return (
    <section aria-label="Your account" className="flex flex-col gap-4 rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:flex-row sm:items-start dark:border-zinc-800 dark:bg-zinc-900">
      <AvatarUpload name={profile.name} image={profile.image} />
      <div className="min-w-0">
        <p className="text-lg font-semibold break-words">{profile.name}</p>
        <p className="mt-0.5 flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          <span className="break-all">{profile.email}</span>
          {profile.emailVerified ? (
            <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">Verified</span>
          ) : (
            <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-950 dark:text-amber-200">Unverified</span>
          )}
        </p>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Member since {memberSince.format(profile.createdAt)}</p>
      </div>
    </section>
  );
}
