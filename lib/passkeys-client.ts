import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/browser";
import { callApi, type ApiResult } from "@/lib/api/client";

/**
 * The browser's half of the passkey ceremonies: the server's challenge to the authenticator, and its
 * answer back. @simplewebauthn/browser loads when a ceremony starts, not with the page.
 */

export const passkeysSupported = () => typeof window !== "undefined" && typeof window.PublicKeyCredential === "function";

const failure = (code: string, message: string): ApiResult<never> => ({ data: null, error: { code, message, status: 0 } });

// What the browser's refusals mean to the person holding the authenticator.
function ceremonyFailure(error: unknown): ApiResult<never> {
  const code = (error as { code?: unknown; name?: unknown })?.code ?? (error as { name?: unknown })?.name;
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") return failure("PASSKEY_EXISTS", "That passkey is on your account already.");
  if (code === "ERROR_CEREMONY_ABORTED" || code === "AbortError") return failure("PASSKEY_CANCELLED", "The passkey prompt was closed.");
  if (code === "ERROR_INVALID_DOMAIN" || code === "ERROR_INVALID_RP_ID") {
    return failure("PASSKEY_UNAVAILABLE", "Passkeys work only when this site is opened at its own address (not an IP address).");
  }
  // NotAllowedError: cancelled, timed out, or no passkey of this site on the authenticator.
  return failure("PASSKEY_CANCELLED", "No passkey was used. Try again, or choose another way.");
}

const webauthn = () => import("@simplewebauthn/browser");

/** Registers a new passkey for the signed-in person, from options the server handed out. */
export async function registerPasskey(optionsJSON: PublicKeyCredentialCreationOptionsJSON): Promise<ApiResult<{ id: string; name?: string }>> {
  const { startRegistration } = await webauthn();
  let response;
  try {
    response = await startRegistration({ optionsJSON });
  } catch (error) {
    return ceremonyFailure(error);
  }
  return callApi("POST", "/api/auth/passkey/verify-registration", { response });
}

/** An answer from one of the passkeys the options allow (any of this site's, when they name none). */
export async function answerWithPasskey(optionsJSON: PublicKeyCredentialRequestOptionsJSON, autofill = false): Promise<ApiResult<AuthenticationResponseJSON>> {
  const { startAuthentication } = await webauthn();
  try {
    return { data: await startAuthentication({ optionsJSON, useBrowserAutofill: autofill }), error: null };
  } catch (error) {
    return ceremonyFailure(error);
  }
}

/**
 * Signs in with a passkey. With `autofill`, the browser offers this site's passkeys in the email
 * field's suggestions and this waits until one is chosen.
 */
export async function signInWithPasskey(autofill = false): Promise<ApiResult<unknown>> {
  if (autofill) {
    const { browserSupportsWebAuthnAutofill } = await webauthn();
    if (!(await browserSupportsWebAuthnAutofill())) return failure("PASSKEY_UNAVAILABLE", "Passkey autofill is not available in this browser.");
  }
  const options = await callApi<PublicKeyCredentialRequestOptionsJSON>("GET", "/api/auth/passkey/generate-authenticate-options");
  if (options.error) return options;
  const answer = await answerWithPasskey(options.data, autofill);
  if (answer.error) return answer;
  return callApi("POST", "/api/auth/passkey/verify-authentication", { response: answer.data });
}

/** Ends a pending passkey prompt (the autofill, when the sign-in page goes away). */
export async function stopPasskeyPrompt() {
  const { WebAuthnAbortService } = await webauthn();
  WebAuthnAbortService.cancelCeremony();
}

/** Confirms it's you with one of the account's passkeys: a step-up token (as a cookie) when it works. */
export async function stepUpWithPasskey(): Promise<ApiResult<unknown>> {
  const options = await callApi<PublicKeyCredentialRequestOptionsJSON>("POST", "/api/auth/users/me/step-up/passkey-options");
  if (options.error) return options;
  const answer = await answerWithPasskey(options.data);
  if (answer.error) return answer;
  return callApi("POST", "/api/auth/users/me/step-up", { passkey: answer.data });
}
