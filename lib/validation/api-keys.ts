import * as z from "zod/mini";

/** Every key starts so: a person and a secret scanner can tell a Bastion key from any other token. */
export const API_KEY_PREFIX = "bastion_";

export const API_KEY_SCOPES = ["read", "manage"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Days a new key lasts, or 0 for a key that does not expire. */
export const API_KEY_EXPIRIES = [30, 90, 365, 0] as const;

export const apiKeyNameSchema = z.string().check(
  z.trim(),
  z.minLength(1, "Enter a name for the key, such as the script that uses it."),
  z.maxLength(32, "Use at most 32 characters."),
  z.refine((name) => !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(name), "Remove control or text-direction characters from the name."),
);

export const createApiKeySchema = z.object({
  name: apiKeyNameSchema,
  expiresInDays: z.union(API_KEY_EXPIRIES.map((days) => z.literal(days)), "Choose 30, 90 or 365 days, or no expiry (0)."),
  scope: z.enum(API_KEY_SCOPES, "Choose what the key may do: read or manage."),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
