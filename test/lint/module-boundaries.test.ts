import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/processes.js';

/** The import arrows of ARCHITECTURE.md, enforced by lint: a wrong import fails `npm test` and CI. */
const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.map((m) => m.ruleId);
}

describe('module boundaries', () => {
  it('rejects the worker importing the API package', async () => {
    expect(await ruleIds('apps/worker/src/probe.ts', `import { appRouter } from '@clipforge/api';\nexport const r = appRouter;\n`)).toContain(
      '@nx/enforce-module-boundaries',
    );
  });

  it('rejects the web app importing server-side packages', async () => {
    const ids = await ruleIds('apps/web/src/lib/probe.ts', `import { openDatabase } from '@clipforge/db';\nexport const o = openDatabase;\n`);
    expect(ids).toContain('@nx/enforce-module-boundaries');
  });

  it('lets the web app import the API as types only', async () => {
    expect(await ruleIds('apps/web/src/lib/probe.ts', `import { appRouter } from '@clipforge/api';\nexport const r = appRouter;\n`)).toContain(
      '@typescript-eslint/no-restricted-imports',
    );
    expect(await ruleIds('apps/web/src/lib/probe.ts', `import type { AppRouter } from '@clipforge/api';\nexport type R = AppRouter;\n`)).toEqual([]);
  });

  it('rejects the domain importing infrastructure', async () => {
    expect(await ruleIds('packages/core/src/probe.ts', `import { openDatabase } from '@clipforge/db';\nexport const o = openDatabase;\n`)).toContain(
      '@nx/enforce-module-boundaries',
    );
  });

  it('accepts the server composing the layers', async () => {
    const code = `import { appRouter } from '@clipforge/api';\nimport { openDatabase } from '@clipforge/db';\nexport const x = [appRouter, openDatabase];\n`;
    expect(await ruleIds('apps/server/src/probe.ts', code)).toEqual([]);
  });
});
