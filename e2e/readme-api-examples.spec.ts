import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { query } from "./fixtures/database";
import { expect, test } from "./fixtures";

/** The README's curl examples, exactly as printed there but for the first line's address and account. */
function readmeExamples(): { settings: string; script: string } {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("## REST API"));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("README.md: no sh block under ## REST API");
  const [settings, ...rest] = block.split("\n");
  return { settings: settings!, script: rest.join("\n") };
}

test.describe("the README's API examples", () => {
  test("work as written with curl: sign in, read, rename, upload and remove a picture, step up, change the email", async ({ user, mailbox }) => {
    const { settings, script } = readmeExamples();
    expect(settings).toBe("BASE=http://localhost:3000 EMAIL=you@example.com PASSWORD='your password'");
    const folder = mkdtempSync(join(tmpdir(), "bastion-readme-"));
    // Standing in for the reader's picture.png.
    writeFileSync(join(folder, "picture.png"), await sharp({ create: { width: 64, height: 64, channels: 3, background: "#3366ff" } }).png().toBuffer());
    const ours = `BASE=${test.info().project.use.baseURL} EMAIL=${user.email} PASSWORD='${user.password}'`;
    const { stdout } = await promisify(execFile)("bash", ["-e", "-o", "pipefail", "-c", `${ours}\n${script}`], { cwd: folder });

    expect(stdout).toContain(`"email":"${user.email}"`);
    expect(stdout).toContain('"name":"Ada Lovelace"');
    expect(stdout).toMatch(/"image":"\/api\/avatars\/[^"]+\.webp"/);
    expect(stdout).toContain('"status":"verification_sent","pendingEmail":"ada@example.com"');
    expect(stdout).toContain('"openapi":"3.1.0"');
    const [row] = await query<{ name: string; image: string | null }>('select name, image from "user" where email = ?', [user.email]);
    expect(row).toEqual({ name: "Ada Lovelace", image: null });
    await mailbox.waitFor("ada@example.com", /Confirm your new email address/);
  });
});
