/**
 * Imports that decide the size and init time of every Lambda bundle (bench/README.md, "handlers").
 * `import { z } from 'zod'` binds zod's namespace object, so esbuild must keep all of zod 4 classic
 * (its 40-odd locales and JSON Schema code: ~450 KB minified); `import * as z from 'zod'` lets it keep
 * only what is used (~90 KB), and the code reads the same (`z.object(…)`, `z.infer<…>`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

describe('bundled code (functions/, shared/)', () => {
  const files = [...sources('functions'), ...sources('shared')];

  it('imports zod as a namespace, so esbuild can drop what is unused', () => {
    const offenders = files.filter((f) => /import\s*\{\s*z\s*\}\s*from\s*'zod'/.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(offenders, "use `import * as z from 'zod'`").toEqual([]);
  });
});
