import { getSession } from "@/lib/session";

/** The plain page plus the session check every account page makes (lib/session), and nothing else. */
export default async function SessionCheckPage() {
  const session = await getSession();
  return <p>{session ? "signed in" : "signed out"}</p>;
}
