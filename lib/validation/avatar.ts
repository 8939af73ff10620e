// Shared by the upload control (instant refusal) and the server (the rule that counts).
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;
export const AVATAR_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
export const AVATAR_TOO_LARGE = "Choose a picture of at most 2 MB.";
export const AVATAR_WRONG_TYPE = "Choose a PNG, JPEG, WebP or GIF picture.";
export const AVATAR_TOO_MANY_PIXELS = "Choose a picture of at most 24 megapixels.";
