// A real OpenID Connect provider (the `oidc-provider` package) on this machine, for sign-in tests: it serves
// discovery, its own sign-in and consent pages (its development interactions: any login name signs in as
// that account), the token endpoint and signed ID tokens. Nothing about it is mocked.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type TestAccount = { email?: string; email_verified?: boolean; name?: string };

export type RunningProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by login name; a login not listed signs in with its own name as email. */
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
};

export async function startOidcProvider(redirectUris: string[], accounts: Record<string, TestAccount> = {}): Promise<RunningProvider> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = "poet-action-planner";
  const clientSecret = "a-client-secret-for-tests-only-0123456789";
  const known = new Map(Object.entries(accounts));
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, grant_types: ["authorization_code"], response_types: ["code"] }],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Put the email in the ID token itself, as Entra ID does (the app reads the ID token, not userinfo).
    conformIdTokenClaims: false,
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => {
        const account = known.get(id) ?? { email: id, email_verified: true };
        return { sub: id, ...account };
      },
    }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["cookie-key-for-tests-only"] },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
  });
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    accounts: known,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
