/**
 * The service worker keeps signed-in pages for offline use (public/sw.js). They hold workspace
 * data, so they are forgotten on sign-out and when the sign-in page opens: the next person
 * signing in on this device never sees the last one's pages.
 */
export async function forgetOfflinePages(): Promise<void> {
  navigator.serviceWorker?.controller?.postMessage({ type: 'forget-pages' });
  if (typeof caches === 'undefined') return;
  const names = await caches.keys();
  await Promise.all(
    names.filter((name) => name.startsWith('replyline-pages-')).map((name) => caches.delete(name)),
  );
}

/** Resolves with `work`, or after `ms` regardless: leaving must never hang on the network. */
export function atMost<T>(ms: number, work: Promise<T>): Promise<T | undefined> {
  return Promise.race([
    work.catch(() => undefined),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms)),
  ]);
}
