export type MailContent = { subject: string; text: string; html: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

/** Where and when something happened to an account, so its owner can tell whether it was them. */
export type EventFacts = {
  when: Date;
  device: string;
  ipAddress: string | null;
  place: string | null;
  /** Whom the location database asks to be credited where its results are shown. */
  placeCredit: { text: string; href: string } | null;
};

const formatWhen = (when: Date) =>
  `${new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone: "UTC" }).format(when)} UTC`;

function factLines(facts: EventFacts): [string, string][] {
  return [
    ["When", formatWhen(facts.when)],
    ["Device", facts.device],
    ["IP address", facts.ipAddress ?? "unknown"],
    ["Location", facts.place ?? "unknown"],
  ];
}

/** One plain layout for every message: a greeting, a paragraph, the facts, one button, a closing line. */
function actionMail(options: { appName: string; subject: string; name: string; intro: string; code?: string; facts?: EventFacts; action: string; url: string; outro: string }): MailContent {
  const { appName, subject, name, intro, code, facts, action, url, outro } = options;
  const lines = facts ? factLines(facts) : [];
  const text = [
    `Hi ${name},`,
    "",
    intro,
    ...(code ? ["", `    ${code}`] : []),
    ...(lines.length > 0 ? ["", ...lines.map(([label, value]) => `${label}: ${value}`)] : []),
    "",
    `${action}: ${url}`,
    "",
    outro,
    "",
    `— ${appName}`,
    // After everything else, so that the mail's own link stays its first.
    ...(facts?.placeCredit ? ["", `Location data: ${facts.placeCredit.text} (${facts.placeCredit.href})`] : []),
  ].join("\n");
  const factsHtml =
    lines.length > 0
      ? `<table style="border-collapse:collapse;font-size:14px">${lines
          .map(([label, value]) => `<tr><td style="padding:2px 12px 2px 0;color:#52525b">${escapeHtml(label)}</td><td>${escapeHtml(value)}</td></tr>`)
          .join("")}</table>\n`
      : "";
  const creditHtml = facts?.placeCredit
    ? `<p style="font-size:12px;color:#52525b">Location data: <a href="${escapeHtml(facts.placeCredit.href)}">${escapeHtml(facts.placeCredit.text)}</a></p>\n`
    : "";
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#18181b">
<p>Hi ${escapeHtml(name)},</p>
<p>${escapeHtml(intro)}</p>
${code ? `<p style="font-family:ui-monospace,monospace;font-size:28px;font-weight:700;letter-spacing:6px">${escapeHtml(code)}</p>\n` : ""}${factsHtml}<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 16px;border-radius:8px;background:#18181b;color:#fff;text-decoration:none">${escapeHtml(action)}</a></p>
<p style="font-size:13px;color:#52525b">Or open this link: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>
<p>${escapeHtml(outro)}</p>
<p>— ${escapeHtml(appName)}</p>
${creditHtml}</body></html>`;
  return { subject, text, html };
}

export function verifyEmailMail(appName: string, name: string, url: string): MailContent {
  return actionMail({
    appName,
    subject: `Verify your email for ${appName}`,
    name,
    intro: `Confirm that this is your email address to finish setting up your ${appName} account. The link works for 1 hour.`,
    action: "Verify email",
    url,
    outro: "If you did not create an account, you can ignore this message.",
  });
}

export function resetPasswordMail(appName: string, name: string, url: string): MailContent {
  return actionMail({
    appName,
    subject: `Reset your ${appName} password`,
    name,
    intro: "Someone asked to reset the password of your account. The link works for 1 hour and only once.",
    action: "Choose a new password",
    url,
    outro: "If it was not you, ignore this message: your password stays as it is.",
  });
}

export function existingAccountMail(appName: string, name: string, signInUrl: string): MailContent {
  return actionMail({
    appName,
    subject: `You already have a ${appName} account`,
    name,
    intro: "Someone tried to create an account with this email address, which already has one. Nothing was changed.",
    action: "Sign in",
    url: signInUrl,
    outro: "If you forgot your password, use \"Forgot password?\" on the sign-in page. If it was not you, you can ignore this message.",
  });
}

export function deleteAccountMail(appName: string, name: string, url: string, graceDays: number, facts?: EventFacts): MailContent {
  const what =
    graceDays > 0
      ? `Opening the link while signed in schedules the account for deletion in ${graceDays} days and signs out every device; until then you can sign in and keep it.`
      : "Opening the link while signed in deletes the account and everything in it, for good.";
  return actionMail({
    appName,
    facts,
    subject: `Confirm deleting your ${appName} account`,
    name,
    intro: `Someone signed in to your ${appName} account asked to delete it. ${what} The link works for 1 hour.`,
    action: "Delete my account",
    url,
    outro: "If you did not ask for this, ignore this message and change your password: nothing is deleted without the link.",
  });
}

export function deletionScheduledMail(appName: string, name: string, deletesAt: Date, keepUrl: string, facts?: EventFacts): MailContent {
  return actionMail({
    appName,
    facts,
    subject: `Your ${appName} account will be deleted on ${new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(deletesAt)}`,
    name,
    intro: `Your ${appName} account will be deleted on ${formatWhen(deletesAt)}, with everything in it. Every device has been signed out.`,
    action: "Keep my account",
    url: keepUrl,
    outro: "Changed your mind, or was it not you? Sign in before then and choose Keep my account. After that date nothing can be recovered.",
  });
}

/**
 * A second-step code: what it is for and where it was asked from, so that someone who did not ask
 * knows their password is known.
 */
export function emailCodeMail(appName: string, name: string, code: string, purpose: "sign-in" | "confirm-it-is-you", resetUrl: string, facts?: EventFacts): MailContent {
  const forWhat = purpose === "sign-in" ? `to finish signing in to ${appName}` : `to confirm it's you in ${appName}`;
  return actionMail({
    appName,
    facts,
    subject: purpose === "sign-in" ? `Your ${appName} sign-in code` : `Your ${appName} code to confirm it's you`,
    name,
    intro: `Here is your code ${forWhat}. It works once, within 5 minutes. Never tell it to anyone: we will never ask for it.`,
    code,
    action: "Not you? Reset your password",
    url: resetUrl,
    outro: "If you did not ask for this code, someone knows your password: reset it now, which also signs out every device.",
  });
}

export function confirmNewEmailMail(appName: string, name: string, url: string): MailContent {
  return actionMail({
    appName,
    subject: `Confirm your new email address for ${appName}`,
    name,
    intro: `You asked to use this address for your ${appName} account. Your account keeps its current address until you confirm. The link works for 1 hour.`,
    action: "Confirm new address",
    url,
    outro: "If you did not ask for this, you can ignore this message.",
  });
}

export function emailChangedMail(appName: string, name: string, newEmail: string, undoUrl: string, facts?: EventFacts): MailContent {
  return actionMail({
    appName,
    facts,
    subject: `Your ${appName} email address was changed`,
    name,
    intro: `The email address of your ${appName} account is now ${newEmail}. Mail about your account, including password resets, goes there from now on.`,
    action: "This wasn't me: undo",
    url: undoUrl,
    outro:
      "The link works for 7 days, once: it puts this address back, signs out every device and sends a link to choose a new password here. If you made this change, there is nothing to do.",
  });
}

/**
 * A notice that something changed how the account is protected: what happened, when, from where, and
 * what to do when it was not them (reset the password, which also signs every device out).
 */
export function securityNoticeMail(appName: string, name: string, notice: { subject: string; intro: string; facts: EventFacts; resetUrl: string }): MailContent {
  return actionMail({
    appName,
    subject: notice.subject,
    name,
    intro: notice.intro,
    facts: notice.facts,
    action: "Not you? Reset your password",
    url: notice.resetUrl,
    outro: `If this was you, there is nothing to do. If it was not, reset your password now: that signs out every device. Then review the security activity on your ${appName} security page.`,
  });
}
