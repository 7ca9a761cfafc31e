// The dashboard's service worker: an offline shell, pages a member opened kept for offline use,
// and Web Push notifications. Kept deliberately small and dependency-free.
//
// What is cached, and what never is:
// - the offline page and the app icons (same for everyone);
// - full page loads (HTML) of the signed-in dashboard, network first, so a page opened once
//   opens again without a connection. They hold the member's workspace data, so they are
//   deleted on sign-out and whenever the sign-in page loads (the next person to sign in on
//   this device never sees them);
// - never /api/* (tRPC, sign-in, event streams, downloads) nor Next's data requests (RSC):
//   those pass straight to the network.

/* global self, caches, fetch, URL, Response -- a service worker's own globals */

const VERSION = 'v1';
const SHELL_CACHE = `replyline-shell-${VERSION}`;
const PAGES_CACHE = `replyline-pages-${VERSION}`;
const OFFLINE_URL = '/offline';
const SHELL = [OFFLINE_URL, '/icons/icon-192.png', '/icons/badge-96.png', '/manifest.webmanifest'];
// Pages that are the same for everyone or must always come fresh: never kept.
const NOT_KEPT = [/^\/api\//, /^\/sign-in/, /^\/invite\//, /^\/dev\//, /^\/offline$/];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter(
              (key) => key.startsWith('replyline-') && ![SHELL_CACHE, PAGES_CACHE].includes(key),
            )
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  // The page asks this on sign-out (and the sign-in page on load): forget every kept page.
  if (event.data && event.data.type === 'forget-pages') event.waitUntil(caches.delete(PAGES_CACHE));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (NOT_KEPT.some((pattern) => pattern.test(url.pathname))) return;
  if (request.mode === 'navigate') {
    event.respondWith(pageNetworkFirst(request));
    return;
  }
  // Next's build output is content-hashed and the same for everyone: kept once fetched, so a
  // kept page still runs (and can say it is offline).
  if (SHELL.includes(url.pathname) || url.pathname.startsWith('/_next/static/'))
    event.respondWith(shellCacheFirst(request));
});

async function pageNetworkFirst(request) {
  try {
    const response = await fetch(request);
    // Only a signed-in page as the member saw it: no redirects (to sign-in), no errors.
    if (response.ok && !response.redirected && response.type === 'basic') {
      const copy = response.clone();
      caches.open(PAGES_CACHE).then((cache) => cache.put(request, copy));
    }
    return response;
  } catch {
    const kept = await caches.open(PAGES_CACHE).then((cache) => cache.match(request));
    if (kept) return kept;
    const shell = await caches.open(SHELL_CACHE).then((cache) => cache.match(OFFLINE_URL));
    return shell || Response.error();
  }
}

async function shellCacheFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

self.addEventListener('push', (event) => {
  let push = {};
  try {
    push = event.data ? event.data.json() : {};
  } catch {
    push = {};
  }
  const title = typeof push.title === 'string' ? push.title : 'Replyline';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof push.body === 'string' ? push.body : '',
      tag: typeof push.tag === 'string' ? push.tag : undefined,
      icon: '/icons/icon-192.png',
      badge: '/icons/badge-96.png',
      data: { url: sameOriginPath(push.url) },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(
    sameOriginPath(event.notification.data && event.notification.data.url),
    self.location.origin,
  );
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => new URL(client.url).origin === target.origin);
      if (open) return open.navigate(target.href).then((client) => (client || open).focus());
      return self.clients.openWindow(target.href);
    }),
  );
});

/** A tap only ever opens a page of this dashboard. */
function sameOriginPath(path) {
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//')
    ? path
    : '/inbox';
}
