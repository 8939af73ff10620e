import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { auth } from "@/lib/auth";

/** The signed-in session, read once per request however many components ask. */
export const getSession = cache(async () => auth.api.getSession({ headers: await headers() }));
