import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Offline' };

/**
 * What the service worker shows for a page it has not kept (sw.js precaches this one). It holds
 * no workspace data, so it is the same for everyone.
 */
export default function OfflinePage() {
  return (
    <main className="offline-shell" data-offline-shell>
      <h1>You are offline</h1>
      <p>
        Replyline needs a connection to open this page. Pages you opened before on this device still
        open; anything you change is saved once you are back online.
      </p>
      <a className="button" href="/inbox">
        Try the inbox
      </a>
    </main>
  );
}
