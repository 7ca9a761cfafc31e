import type { NextConfig } from 'next';

/** Settings every Next.js app of ours shares. */
export function baseNextConfig(): NextConfig {
  // Never send usage data, whichever way `next` is started (the package scripts set it too).
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    typedRoutes: true,
    // Shared React components are TypeScript source; Next compiles them with the app.
    transpilePackages: ['@replyline/ui'],
    // Nothing at build or dev time should reach the network or write files outside .next:
    // no upgrade/advisory lookups, no generated instruction files in the app folder.
    agentRules: false,
    experimental: { agentUpgrade: false },
  };
}
