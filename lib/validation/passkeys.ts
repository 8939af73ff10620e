import * as z from "zod/mini";

export const passkeyNameSchema = z.string().check(
  z.trim(),
  z.minLength(1, "Enter a name for the passkey."),
  z.maxLength(64, "Use at most 64 characters."),
  // The same rule as a person's name: nothing that displays as something other than what it is.
  z.refine((name) => !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(name), "Remove control or text-direction characters from the name."),
);

export const renamePasskeySchema = z.object({ name: passkeyNameSchema });
export type RenamePasskeyInput = z.infer<typeof renamePasskeySchema>;

// WebAuthn answers as the browser sends them (base64url fields), bounded in size: better-auth and
// @simplewebauthn check what they mean.
const base64url = (max: number) => z.string().check(z.maxLength(max), z.regex(/^[A-Za-z0-9_-]*={0,2}$/, "Not base64url."));
const credentialFields = {
  id: base64url(1024),
  rawId: base64url(1024),
  type: z.literal("public-key"),
  clientExtensionResults: z.optional(z.record(z.string(), z.unknown())),
  authenticatorAttachment: z.optional(z.enum(["platform", "cross-platform"])),
};

export const passkeyAssertionSchema = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url(8192),
    authenticatorData: base64url(8192),
    signature: base64url(2048),
    userHandle: z.optional(base64url(1024)),
  }),
});

export const passkeyAttestationSchema = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url(8192),
    attestationObject: base64url(65_536),
    authenticatorData: z.optional(base64url(65_536)),
    transports: z.optional(z.array(z.string().check(z.maxLength(32))).check(z.maxLength(8))),
    publicKeyAlgorithm: z.optional(z.number()),
    publicKey: z.optional(base64url(8192)),
  }),
});
