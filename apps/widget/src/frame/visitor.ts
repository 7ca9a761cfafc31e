// The visitor id links visits from this browser to one conversation history. It lives in
// the frame's own (API-origin) localStorage, so host-page scripts cannot read it.

function randomId(): string {
  const bytes = new Uint8Array(16); // 128 bits -> 22 base64url characters
  crypto.getRandomValues(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return 'v_' + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The stored visitor id for this publishable key, created on first use. */
export function visitorId(key: string, storage: Storage | null): string {
  const name = `replyline:visitor:${key}`;
  try {
    const stored = storage && storage.getItem(name);
    if (stored && /^v_[A-Za-z0-9_-]{22}$/.test(stored)) return stored;
    const id = randomId();
    if (storage) storage.setItem(name, id);
    return id;
  } catch {
    // Storage blocked (privacy settings, partitioned third-party frames): this visit
    // still works, it just will not be remembered.
    return randomId();
  }
}

/** window.localStorage, or null where even reading the property throws. */
export function localStorageOf(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null;
  }
}
