// The guide's minting examples, run as a customer would run them, must produce identity tokens
// the API accepts (apps/api/src/public/identity-token.ts, docs/identity.md). The tokens are
// checked here on their own: the exact JWT header, an HS256 signature recomputed with the
// secret, and the sub/email/iat/exp claims with a lifetime of at most 24 hours.
import { spawnSync } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { NODE_TOKEN, PYTHON_TOKEN } from './examples';

const SECRET = 'identity-secret-for-tests';
const OTHER_SECRET = 'another-workspace-secret';
const MAX_LIFETIME_SECONDS = 24 * 60 * 60;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

function run(command: string, args: string[]): string[] {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, REPLYLINE_IDENTITY_SECRET: SECRET },
  });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout.trim().split('\n');
}

/** The token's claims when it is a well-formed HS256 JWT signed with `secret`; throws otherwise. */
function verify(token: string, secret: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error('not three dot-separated parts');
  const [header, payload, signature] = parts as [string, string, string];
  for (const part of parts) if (!BASE64URL.test(part)) throw new Error('not unpadded base64url');
  if (Buffer.from(header, 'base64url').toString('utf8') !== '{"alg":"HS256","typ":"JWT"}')
    throw new Error(`unexpected header ${Buffer.from(header, 'base64url').toString('utf8')}`);
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new Error('signature does not match');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** The checks the API makes on iat/exp, against the time the example ran. */
function expectFreshLifetime(claims: Record<string, unknown>, startedAt: number) {
  const { iat, exp } = claims;
  expect(Number.isInteger(iat) && Number.isInteger(exp)).toBe(true);
  const now = Math.floor(Date.now() / 1000);
  expect(iat as number).toBeGreaterThanOrEqual(Math.floor(startedAt / 1000));
  expect(iat as number).toBeLessThanOrEqual(now);
  expect(exp as number).toBeGreaterThan(now);
  expect((exp as number) - (iat as number)).toBeLessThanOrEqual(MAX_LIFETIME_SECONDS);
}

/** The same token with its payload replaced, keeping the original signature. */
function tampered(token: string, claims: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

/**
 * The three tokens each example prints: for a user with every field, for an email only, and
 * for a user with OTHER_SECRET passed in. `sub` and `otherSub` are the ids as each language
 * writes them.
 */
function expectExampleTokens(
  [full, emailOnly, otherSecret]: [string, string, string],
  { sub, otherSub, startedAt }: { sub: string; otherSub: string; startedAt: number },
) {
  const claims = verify(full, SECRET);
  expect(claims).toMatchObject({
    sub,
    email: 'kari@example.com',
    name: 'Kari Nordmann',
    context: { plan: 'gold', orderIds: ['A-1001'], cart: { items: 2 }, page: '/checkout' },
  });
  expectFreshLifetime(claims, startedAt);

  const byEmail = verify(emailOnly, SECRET);
  expect(byEmail).not.toHaveProperty('sub');
  expect(byEmail.email).toBe('kari@example.com');
  expectFreshLifetime(byEmail, startedAt);

  // Signed with the secret it was given: only that secret verifies it.
  expect(verify(otherSecret, OTHER_SECRET).sub).toBe(otherSub);
  expect(() => verify(otherSecret, SECRET)).toThrow('signature does not match');
  expect(() => verify(full, OTHER_SECRET)).toThrow('signature does not match');
  expect(() => verify(tampered(full, { ...claims, sub: 'u_1' }), SECRET)).toThrow(
    'signature does not match',
  );
}

const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('the test verifier', () => {
  const sign = (header: object, claims: object, secret = SECRET) => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const body = `${part(header)}.${part(claims)}`;
    return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
  };
  const claims = { sub: 'u_42', iat: 1, exp: 2 };

  it('accepts a correct token and refuses wrong secrets, headers and encodings', () => {
    expect(verify(sign({ alg: 'HS256', typ: 'JWT' }, claims), SECRET)).toEqual(claims);
    expect(() => verify(sign({ alg: 'HS256', typ: 'JWT' }, claims), OTHER_SECRET)).toThrow(
      'signature does not match',
    );
    expect(() => verify(sign({ alg: 'HS512', typ: 'JWT' }, claims), SECRET)).toThrow(
      'unexpected header',
    );
    expect(() => verify(sign({ alg: 'none', typ: 'JWT' }, claims), SECRET)).toThrow(
      'unexpected header',
    );
    const hexSigned = `${sign({ alg: 'HS256', typ: 'JWT' }, claims).split('.').slice(0, 2).join('.')}.${createHmac('sha256', SECRET).update('x').digest('hex')}`;
    expect(() => verify(hexSigned, SECRET)).toThrow('signature does not match');
    expect(() => verify(`${sign({ alg: 'HS256', typ: 'JWT' }, claims)}=`, SECRET)).toThrow(
      'not unpadded base64url',
    );
  });
});

describe('identity token examples', () => {
  it('Node: mints an HS256 token with sub, email, name, context, iat and exp', () => {
    const startedAt = Date.now();
    const script = `${NODE_TOKEN}
const context = { plan: 'gold', orderIds: ['A-1001'], cart: { items: 2 }, page: '/checkout' };
console.log(replylineToken({ id: 42, email: 'kari@example.com', name: 'Kari Nordmann', context }));
console.log(replylineToken({ email: 'kari@example.com' }));
console.log(replylineToken({ id: 'u_7' }, ${JSON.stringify(OTHER_SECRET)}));`;
    const tokens = run(process.execPath, ['--input-type=module', '-e', script]);
    expectExampleTokens(tokens as [string, string, string], {
      sub: '42',
      otherSub: 'u_7',
      startedAt,
    });
  });

  it.skipIf(!hasPython)(
    'Python: mints an HS256 token with sub, email, name, context, iat and exp',
    () => {
      const startedAt = Date.now();
      const script = `${PYTHON_TOKEN}
context = {"plan": "gold", "orderIds": ["A-1001"], "cart": {"items": 2}, "page": "/checkout"}
print(replyline_token("u_42", "kari@example.com", name="Kari Nordmann", context=context))
print(replyline_token(email="kari@example.com"))
print(replyline_token(user_id=7, secret=${JSON.stringify(OTHER_SECRET)}))`;
      const tokens = run('python3', ['-c', script]);
      expectExampleTokens(tokens as [string, string, string], {
        sub: 'u_42',
        otherSub: '7',
        startedAt,
      });
    },
  );
});
