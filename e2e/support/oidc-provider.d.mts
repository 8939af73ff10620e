export type OidcIdentity = { sub: string; email: string; name: string; picture?: string };
export declare const OIDC_IDENTITY_COOKIE: string;
export declare const OIDC_CLIENT: { id: string; secret: string; name: string };
export declare function startOidcProvider(port: number): Promise<() => Promise<void>>;
