import type { MetadataRoute } from 'next';

/**
 * The web app manifest (/manifest.webmanifest): what makes the dashboard installable on a phone
 * or desktop. It opens on the inbox, in its own window.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'Replyline',
    short_name: 'Replyline',
    description: 'Your customer conversations, tickets and hand-offs.',
    start_url: '/inbox',
    scope: '/',
    display: 'standalone',
    background_color: '#f8fafc',
    theme_color: '#4f46e5',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
