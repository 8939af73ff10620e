/** What the profile page shows of the person; the session's user carries all of it. */
export type Profile = { name: string; email: string; emailVerified: boolean; image: string | null; createdAt: Date };
