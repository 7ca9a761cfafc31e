import type { NextConfig } from 'next';
import { baseNextConfig } from '@replyline/ui/next-config';

const base = baseNextConfig();

const config: NextConfig = {
  ...base,
  // The plan list comes from the billing package, as TypeScript source.
  transpilePackages: [...(base.transpilePackages ?? []), '@replyline/billing'],
};

export default config;
