import type { NextConfig } from 'next';
import { baseNextConfig } from '@replyline/ui/next-config';

const base = baseNextConfig();

const config: NextConfig = {
  ...base,
  // Our packages are TypeScript source; Next compiles them with the app.
  transpilePackages: [
    ...(base.transpilePackages ?? []),
    '@replyline/core',
    '@replyline/trpc',
    '@replyline/auth',
    '@replyline/db',
    '@replyline/email',
  ],
  // Database drivers, the job queue and embedded Postgres (WASM) run as plain Node modules.
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@electric-sql/pglite-pgvector',
    '@electric-sql/pglite-socket',
    'pg-boss',
    'postgres',
  ],
  turbopack: {
    rules: {
      // See build/import-meta-url-loader.cjs: server code of ours that locates files beside itself.
      '*.ts': {
        condition: {
          all: [{ not: 'foreign' }, { not: 'browser' }, { content: /import\.meta\.url/ }],
        },
        loaders: [require.resolve('./build/import-meta-url-loader.cjs')],
      },
    },
  },
};

export default config;
