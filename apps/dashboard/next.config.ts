import type { NextConfig } from 'next';

// Never send usage data, whichever way `next` is started (the package scripts set it too).
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: true,
  // Nothing at build or dev time should reach the network or write files outside .next:
  // no upgrade/advisory lookups, no generated instruction files in the app folder.
  agentRules: false,
  experimental: { agentUpgrade: false },
};

export default config;
