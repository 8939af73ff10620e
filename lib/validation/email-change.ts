// Apart from the schemas, so the profile page can send it without loading zod.
/** Where the link mailed to a new address leads once it is opened, however the change was asked for. */
export const EMAIL_CHANGE_CALLBACK = "/account/profile?email-change=done";
