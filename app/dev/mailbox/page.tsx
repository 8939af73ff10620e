import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { Fragment } from "react";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Development mailbox" };

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text with its links made clickable; everything else stays text, so nothing is injected. */
function Linkified({ text }: { text: string }) {
  return text.split(URL_PATTERN).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} className="break-all text-indigo-700 underline dark:text-indigo-300">
        {part}
      </a>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}

export default async function DevMailboxPage() {
  // Rendered per request, never at build time, so it reflects the running server's environment.
  await connection();
  // Production sends real mail and has no mailbox: the page does not exist there.
  if (env.production) notFound();
  const messages = await db.mailboxMessage.findMany({ orderBy: { createdAt: "desc" }, take: 50 });
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold tracking-tight">Development mailbox</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Without <code>SMTP_URL</code>, mail is kept here instead of being sent. Newest first; the last 50 messages.
      </p>
      {messages.length === 0 ? (
        <p className="mt-8 text-sm">No mail yet. Sign up or ask for a password reset, then reload this page.</p>
      ) : (
        <ol className="mt-8 flex flex-col gap-4">
          {messages.map((message) => (
            <li key={message.id}>
              <article className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
                <h2 className="font-semibold">{message.subject}</h2>
                <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                  To {message.to} · <time dateTime={message.createdAt.toISOString()}>{message.createdAt.toLocaleString("en")}</time>
                </p>
                <pre className="mt-4 font-sans text-sm whitespace-pre-wrap">
                  <Linkified text={message.text} />
                </pre>
              </article>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
