import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { layer } from './base.js';

/** The messages `pnpm lint` would print for one file of the given layer. */
async function lintAs(layerName, code) {
  const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: layer(layerName) });
  const [result] = await eslint.lintText(code, { filePath: 'src/example.ts' });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const restricted = (messages) => messages.filter((m) => m.startsWith('no-restricted-imports'));

describe('import boundaries', () => {
  it('keeps transports out of the domain', async () => {
    for (const code of [
      "import { TRPCError } from '@trpc/server';\nexport const e = TRPCError;\n",
      "import type { Context } from 'hono';\nexport type C = Context;\n",
      "import { createRoute } from '@hono/zod-openapi';\nexport const r = createRoute;\n",
    ]) {
      expect(restricted(await lintAs('core', code))).toEqual([
        expect.stringContaining('packages/core is the domain'),
      ]);
    }
  });

  it('lets the tRPC layer use tRPC', async () => {
    const code = "import { TRPCError } from '@trpc/server';\nexport const e = TRPCError;\n";
    expect(restricted(await lintAs('package', code))).toEqual([]);
  });

  it('stops packages from importing apps, by name or by path', async () => {
    const byName = "import { x } from '@replyline/api-server/testing';\nexport const y = x;\n";
    const byPath = "import { x } from '../../../apps/api/src/server';\nexport const y = x;\n";
    expect(restricted(await lintAs('package', byName))).toEqual([
      expect.stringContaining('Packages may not import apps'),
    ]);
    expect(restricted(await lintAs('core', byPath))).toEqual([
      expect.stringContaining('Packages may not import apps'),
    ]);
  });

  it("stops apps from importing a package's files", async () => {
    const internals = "import { x } from '@replyline/core/src/team/roles';\nexport const y = x;\n";
    const byPath = "import { x } from '../../packages/db/src/client';\nexport const y = x;\n";
    expect(restricted(await lintAs('app', internals))).toEqual([
      expect.stringContaining('through its entry points'),
    ]);
    expect(restricted(await lintAs('app', byPath))).toEqual([
      expect.stringContaining('by its name'),
    ]);
  });

  it('allows entry points', async () => {
    const code =
      "import { openDatabase } from '@replyline/db';\nimport { x } from '@replyline/ui/field';\nexport const y = [openDatabase, x];\n";
    expect(restricted(await lintAs('app', code))).toEqual([]);
  });
});
