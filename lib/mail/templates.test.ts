import { describe, expect, it } from "vitest";
import { verifyEmailMail } from "./templates";

describe("mail templates", () => {
  it("puts the link in both the text and the HTML part", () => {
    const mail = verifyEmailMail("Bastion", "Ada", "http://localhost:3000/api/auth/verify-email?token=abc&callbackURL=%2F");
    expect(mail.subject).toBe("Verify your email for Bastion");
    expect(mail.text).toContain("http://localhost:3000/api/auth/verify-email?token=abc&callbackURL=%2F");
    expect(mail.html).toContain('href="http://localhost:3000/api/auth/verify-email?token=abc&amp;callbackURL=%2F"');
  });

  it("escapes a name that contains markup", () => {
    const mail = verifyEmailMail("Bastion", '<img src=x onerror="alert(1)">', "http://localhost/x");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });
});
