import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { OfflineBanner } from '~/components/pwa/offline-banner';
import { ServiceWorkerRegistration } from '~/components/pwa/service-worker';
import { TRPCReactProvider } from '~/trpc/react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Replyline', template: '%s · Replyline' },
  description: 'Manage your Replyline assistant, conversations and hand-offs.',
  applicationName: 'Replyline',
  // The dashboard sits behind sign-in; keep it out of search results.
  robots: { index: false, follow: false },
  // Installable (manifest.ts); on iOS the Home Screen app opens without browser chrome.
  appleWebApp: { capable: true, title: 'Replyline', statusBarStyle: 'default' },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1020' },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <OfflineBanner />
        <ServiceWorkerRegistration />
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
