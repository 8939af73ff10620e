// A real OpenID Connect provider on loopback for the browser tests: discovery, JWKS, signed ID
// tokens, PKCE and nonce, signing in whoever the browser's identity cookie names, with no login form.
// Plain JavaScript so Playwright can start it with node, before the app, which reads its discovery
// document at start-up: `node e2e/support/oidc-provider.mjs <port>`.
import { pathToFileURL } from "node:url";
import { OAuth2Server } from "oauth2-mock-server";

/** @typedef {{ sub: string, email: string, name: string, picture?: string }} OidcIdentity */

export const OIDC_IDENTITY_COOKIE = "identity";
export const OIDC_CLIENT = { id: "bastion-e2e", secret: "bastion-e2e-secret", name: "Test ID" };

/** @param {string | undefined} cookieHeader @returns {OidcIdentity | undefined} */
function identityFromCookie(cookieHeader) {
  const raw = cookieHeader
    ?.split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${OIDC_IDENTITY_COOKIE}=`))
    ?.slice(OIDC_IDENTITY_COOKIE.length + 1);
  return raw ? JSON.parse(decodeURIComponent(raw)) : undefined;
}

/**
 * Each browser context carries its own identity cookie, so tests running side by side do not see
 * each other's people: the identity is remembered by authorization code and written into the tokens.
 * @param {number} port
 */
export async function startOidcProvider(port) {
  const server = new OAuth2Server();
  await server.issuer.keys.generate("RS256");
  /** @type {Map<string, OidcIdentity>} */
  const identityByCode = new Map();

  server.service.on("beforeAuthorizeRedirect", (redirect, request) => {
    const identity = identityFromCookie(request.headers.cookie);
    const code = redirect.url.searchParams.get("code");
    if (identity && code) identityByCode.set(code, identity);
  });
  server.service.on("beforeTokenSigning", (token, request) => {
    const code = request.body?.code;
    const identity = typeof code === "string" ? identityByCode.get(code) : undefined;
    if (identity) Object.assign(token.payload, { email_verified: true, ...identity });
  });

  // It would call itself "localhost"; the identity cookie is set for 127.0.0.1, where the app runs.
  server.issuer.url = `http://127.0.0.1:${port}`;
  await server.start(port, "127.0.0.1");
  return () => server.stop();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const port = Number(process.argv[2]);
  const stop = await startOidcProvider(port);
  console.log(`OpenID Connect provider on http://127.0.0.1:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop().then(() => process.exit(0)));
}
