/** The sentence from one of our routes' `{ error: { code, message } }` answers, for the person at the page. */
export async function apiErrorMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? "Something went wrong. Try again in a moment.";
}

/** The code of one of our routes' `{ error: { code } }` answers, leaving the response readable. */
export async function apiErrorCode(response: Response): Promise<string | undefined> {
  if (response.ok) return undefined;
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { error?: { code?: string } } | null;
  return body?.error?.code;
}
