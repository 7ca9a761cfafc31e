// Code samples of the embedding guide. The signing examples must produce exactly what the API
// checks (apps/api/src/public/identity.ts): hex HMAC-SHA256 of the user id, or of the trimmed,
// lower-cased email when there is no id; embedding.test.tsx runs the Node one to prove it.

/** The `Replyline(...)` stub: calls made before widget.js has loaded wait in a queue. */
export const STUB =
  'window.Replyline = window.Replyline || function () { (Replyline.q = Replyline.q || []).push(arguments); };';

export const OPEN_CLOSE = `${STUB}

document.querySelector('#help-button').addEventListener('click', () => Replyline('open'));
// ...and Replyline('close') to put it away again.`;

export const IDENTIFY = `${STUB}

Replyline('identify', {
  userId: 'u_42',                  // your id for this customer (or leave it out and send email)
  email: 'kari@example.com',
  name: 'Kari Nordmann',
  signature: serverSignature,      // rendered into the page by your server, see below
  context: {
    plan: 'gold',
    cart: { items: 2, total: '49.90 EUR' },
    orderIds: ['A-1001', 'A-1002'],
    page: location.pathname,
  },
});`;

export const NODE_SIGNATURE = `import { createHmac } from 'node:crypto';

// Server side only: the identity secret must never reach the browser.
export function replylineSignature(user, secret = process.env.REPLYLINE_IDENTITY_SECRET) {
  const message = user.id ? String(user.id) : user.email.trim().toLowerCase();
  return createHmac('sha256', secret).update(message).digest('hex');
}`;

export const PYTHON_SIGNATURE = `import hashlib
import hmac
import os

# Server side only: the identity secret must never reach the browser.
def replyline_signature(user_id=None, email=None):
    message = str(user_id) if user_id else email.strip().lower()
    secret = os.environ["REPLYLINE_IDENTITY_SECRET"]
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()`;

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
