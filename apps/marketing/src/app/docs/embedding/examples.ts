// Code samples of the embedding guide. The minting examples must produce what the API checks
// (apps/api/src/public/identity-token.ts, described in docs/identity.md): a JWT with the header
// {"alg":"HS256","typ":"JWT"}, signed with HMAC-SHA256 and the workspace's identity secret,
// carrying `sub` and/or `email`, optional `name` and `context`, and `iat` + `exp` at most
// 24 hours apart. examples.test.ts runs the Node and Python ones and checks their tokens.

/** The `Replyline(...)` stub: calls made before widget.js has loaded wait in a queue. */
export const STUB =
  'window.Replyline = window.Replyline || function () { (Replyline.q = Replyline.q || []).push(arguments); };';

export const OPEN_CLOSE = `${STUB}

document.querySelector('#help-button').addEventListener('click', () => Replyline('open'));
// ...and Replyline('close') to put it away again.`;

export const IDENTIFY = `${STUB}

// identityToken: minted by your server for the signed-in customer when the page loads (below)
Replyline('identify', { token: identityToken });

// When the customer signs out:
Replyline('identify', null);`;

/** What a token's payload may carry, as the examples below mint it. */
export const CLAIMS_EXAMPLE = `{
  "sub": "u_42",
  "email": "kari@example.com",
  "name": "Kari Nordmann",
  "context": {
    "plan": "gold",
    "orderIds": ["A-1001", "A-1002"],
    "cart": { "items": 2, "total": "49.90 EUR" },
    "page": "/checkout"
  },
  "iat": 1767225600,
  "exp": 1767229200
}`;

export const NODE_TOKEN = `import { createHmac } from 'node:crypto';

// Server side only: the identity secret must never reach the browser.
const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function replylineToken(user, secret = process.env.REPLYLINE_IDENTITY_SECRET) {
  const now = Math.floor(Date.now() / 1000);
  const body = \`\${part({ alg: 'HS256', typ: 'JWT' })}.\${part({
    sub: user.id == null ? undefined : String(user.id),
    email: user.email,
    name: user.name,
    context: user.context, // { plan, orderIds, cart, page }: what the assistant may know
    iat: now,
    exp: now + 3600, // one hour; at most 24 hours after iat
  })}\`;
  return \`\${body}.\${createHmac('sha256', secret).update(body).digest('base64url')}\`;
}`;

export const PYTHON_TOKEN = `import base64, hashlib, hmac, json, os, time

# Server side only: the identity secret must never reach the browser.
def _part(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

def _json(value) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode()

def replyline_token(user_id: str | None = None, email: str | None = None,
                    name: str | None = None, context: dict | None = None,
                    secret: str | None = None) -> str:
    secret = secret or os.environ["REPLYLINE_IDENTITY_SECRET"]
    now = int(time.time())
    claims = {"iat": now, "exp": now + 3600}  # one hour; at most 24 hours after iat
    if user_id is not None:
        claims["sub"] = str(user_id)
    if email:
        claims["email"] = email
    if name:
        claims["name"] = name
    if context:
        claims["context"] = context  # {"plan", "orderIds", "cart", "page"}
    body = f"{_part(_json({'alg': 'HS256', 'typ': 'JWT'}))}.{_part(_json(claims))}"
    signature = hmac.new(secret.encode(), body.encode(), hashlib.sha256).digest()
    return f"{body}.{_part(signature)}"`;

/** How the token reaches the page: rendered by the server (any template language). */
export const IN_THE_PAGE = `<script>
  ${STUB}
  Replyline('identify', { token: '{{ replyline_token }}' });
</script>`;

export function nextJsExample(scriptUrl: string): string {
  return `import Script from 'next/script';

// In your root layout: loads after the page, like the plain tag.
<Script src="${scriptUrl}" data-key="pk_..." strategy="lazyOnload" />`;
}

export function cspExample(apiUrl: string): string {
  return `Content-Security-Policy:
  script-src 'self' ${apiUrl};
  connect-src 'self' ${apiUrl};
  frame-src ${apiUrl};`;
}
