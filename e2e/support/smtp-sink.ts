import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; subject: string; text: string; html: string; receivedAt: string };

/** Where the mail to `address` is kept: one folder per recipient, so a reader lists only its own. */
export const recipientDirectory = (directory: string, address: string) => join(directory, encodeURIComponent(address.toLowerCase()));

/**
 * A real SMTP server on loopback that accepts every message and writes it, parsed, as one JSON file
 * per message and recipient under `directory`, where the tests' mailbox fixture reads it.
 */
export async function startSmtpSink(port: number, directory: string): Promise<() => Promise<void>> {
  mkdirSync(directory, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    async onData(stream, session, callback) {
      try {
        const parsed = await simpleParser(stream);
        const mail: ReceivedMail = {
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          html: typeof parsed.html === "string" ? parsed.html : "",
          receivedAt: new Date().toISOString(),
        };
        const name = `${Date.now()}-${++count}.json`;
        for (const address of mail.to) {
          const folder = recipientDirectory(directory, address);
          mkdirSync(folder, { recursive: true });
          // Written whole, then renamed: a test reading the folder never sees half a mail.
          const file = join(folder, name);
          writeFileSync(`${file}.part`, JSON.stringify(mail));
          renameSync(`${file}.part`, file);
        }
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
