import { OAuth2Server } from "oauth2-mock-server";

/** The identity a test wants the provider to vouch for; it travels as a cookie on the provider's origin. */
export type OidcIdentity = { sub: string; email: string; name: string; picture?: string };
export const OIDC_IDENTITY_COOKIE = "identity";
export const OIDC_CLIENT = { id: "bastion-e2e", secret: "bastion-e2e-secret", name: "Test ID" };

function identityFromCookie(cookieHeader: string | undefined): OidcIdentity | undefined {
  const raw = cookieHeader
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${OIDC_IDENTITY_COOKIE}=`))
    ?.slice(OIDC_IDENTITY_COOKIE.length + 1);
  return raw ? (JSON.parse(decodeURIComponent(raw)) as OidcIdentity) : undefined;
}

/**
 * A real OpenID Connect provider on loopback (discovery, JWKS, signed ID tokens, PKCE, nonce), which
 * signs in whoever the browser's identity cookie names, without a login form. Each browser context
 * carries its own cookie, so tests running side by side do not see each other's people.
 */
export async function startOidcProvider(port: number): Promise<() => Promise<void>> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  const identityByCode = new Map<string, OidcIdentity>();

  server.service.on("beforeAuthorizeRedirect", (redirect: { url: URL }, request: { headers: { cookie?: string } }) => {
    const identity = identityFromCookie(request.headers.cookie);
    const code = redirect.url.searchParams.get("code");
    if (identity && code) identityByCode.set(code, identity);
  });
  server.service.on("beforeTokenSigning", (token: { payload: Record<string, unknown> }, request: { body?: { code?: string } }) => {
    const identity = request.body?.code ? identityByCode.get(request.body.code) : undefined;
    if (!identity) return;
    Object.assign(token.payload, { email_verified: true, ...identity });
  });

  // It would call itself "localhost"; the identity cookie is set for 127.0.0.1, where the app runs.
  server.issuer.url = `http://127.0.0.1:${port}`;
  await server.start(port, "127.0.0.1");
  return () => server.stop();
}
