// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the package ships no types; this brings ours along wherever the helper is compiled (the dashboard too)
/// <reference path="./oidc-provider.d.ts" />
// A real OpenID Connect provider (`oidc-provider`) on 127.0.0.1 for sign-in tests: its own
// login and consent pages (the dev interactions), PKCE required, accounts given by the test.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email: string;
  email_verified: boolean;
  name?: string;
}

export interface TestClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface TestIdp {
  issuer: string;
  /** Accounts by login name (the `sub`); tests may add more while the provider runs. */
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
}

export async function startTestIdp(clients: TestClient[]): Promise<TestIdp> {
  const accounts = new Map<string, TestAccount>();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
    })),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['test-idp-cookie-key'] },
    pkce: { required: () => true },
    // Set, so the provider does not print a notice about each default.
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ sub, ...account }) } : undefined;
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    accounts,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
