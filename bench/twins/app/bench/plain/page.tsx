import { cookies } from "next/headers";

/** The floor: a dynamic page that reads the request's cookies and draws one line. */
export default async function PlainPage() {
  const count = (await cookies()).getAll().length;
  return <p>{count} cookies</p>;
}
