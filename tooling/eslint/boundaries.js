// The layers' import rules (docs/architecture.md): which code may depend on which. Each
// package's eslint.config.js names its layer, so a wrong import fails `pnpm lint`.

const APP_PACKAGES = [
  '@replyline/api-server',
  '@replyline/dashboard',
  '@replyline/marketing',
  '@replyline/widget',
];

const packageInternals = {
  group: ['@replyline/*/src', '@replyline/*/src/**'],
  message: "Import a package through its entry points (package.json exports), not its files.",
};

const relativeIntoApps = {
  group: ['**/apps/**'],
  message: 'Packages may not import apps: move what both need into a package.',
};

const relativeIntoPackages = {
  group: ['**/packages/**'],
  message: 'Import a package by its name (@replyline/...), not by a path into the tree.',
};

const transportsInDomain = {
  group: ['@trpc/*', 'hono', 'hono/*', '@hono/*', 'next', 'next/*', 'express', 'fastify'],
  message:
    'packages/core is the domain: no transport imports. Throw DomainError; the tRPC and HTTP layers map it.',
};

const appsByName = {
  group: APP_PACKAGES.flatMap((name) => [name, `${name}/*`]),
  message: 'Packages may not import apps: move what both need into a package.',
};

function restrict(patterns) {
  return { rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

/** The rules each layer keeps, by the name its eslint.config.js passes. */
export const boundaries = {
  /** apps/*: use packages through their entry points only. */
  app: restrict([packageInternals, relativeIntoPackages]),
  /** packages/*: never depend on an app. */
  package: restrict([packageInternals, relativeIntoApps, relativeIntoPackages, appsByName]),
  /** packages/core: a package, and free of transports. */
  core: restrict([
    packageInternals,
    relativeIntoApps,
    relativeIntoPackages,
    appsByName,
    transportsInDomain,
  ]),
  /** packages/e2e drives the apps as a user would: it may start them, never reach into their files. */
  e2e: restrict([packageInternals, relativeIntoApps, relativeIntoPackages]),
};
