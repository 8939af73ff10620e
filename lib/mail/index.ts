import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { MailContent } from "./templates";

let transport: Transporter | undefined;

/**
 * Sends through SMTP when SMTP_URL is set. Otherwise (development only: lib/env refuses production
 * without SMTP_URL) the message is kept in the database and shown at /dev/mailbox.
 */
export async function sendMail(to: string, content: MailContent): Promise<void> {
  if (env.SMTP_URL) {
    transport ??= nodemailer.createTransport(env.SMTP_URL);
    await transport.sendMail({ from: env.MAIL_FROM, to, ...content });
    return;
  }
  await db.mailboxMessage.create({ data: { to, ...content } });
  console.info(`[mail] "${content.subject}" to ${to}: open /dev/mailbox to read it`);
}
