/**
 * The layout cannot drift: the import rules (.dependency-cruiser.cjs, layers of issue #11, no cycles)
 * and lint + format (biome.jsonc) run inside `npm test`. Each failure lists every violation, one a line.
 * Both checks run as child processes, side by side: neither is imported into the test worker.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr: stderr || (error && typeof error.code !== 'number' ? String(error) : '') });
    });
  });
}

// Started at once so the two run in parallel; each test awaits its own.
const imports = run(process.execPath, ['scripts/check-architecture.mjs']);
const biome = run(path.join(ROOT, 'node_modules/.bin/biome'), [
  'ci',
  '--error-on-warnings',
  '--reporter=github',
  '--max-diagnostics=none',
  '--colors=off',
  '.',
]);

/**
 * Biome's github reporter (`::error title=lint/x/y,file=/abs/f.ts,line=3,…::message`) → one line per lint
 * finding (`f.ts:3 lint/x/y: message`), and one line per mechanical fix (format, sorted imports) listing
 * its files, so the findings a person must read are not buried under the ones `npm run format` fixes.
 */
function biomeLines(stdout: string): string[] {
  const findings: { where: string; at: number; text: string }[] = [];
  const mechanical = new Map<string, Set<string>>();
  for (const line of stdout.split('\n')) {
    const m = /^::(\w+) title=([^,]+),file=([^,]+),line=(\d+)[^:]*::(.*)$/.exec(line);
    // Infos ("notice") are advice: `biome ci` does not fail on them, so neither does this test.
    if (!m || m[1] === 'notice') continue;
    const [, level = '', rule = '', file = '', at = '', message = ''] = m;
    const where = path.relative(ROOT, file);
    if (rule === 'format' || rule.startsWith('assist/')) {
      mechanical.set(rule, (mechanical.get(rule) ?? new Set()).add(where));
    } else {
      findings.push({ where, at: Number(at), text: `${where}:${at} ${rule}${level === 'error' ? '' : ` (${level})`}: ${message}` });
    }
  }
  findings.sort((a, b) => a.where.localeCompare(b.where) || a.at - b.at);
  const fixes = [...mechanical].map(([rule, files]) => `${rule} in ${files.size} files (fix: npm run format): ${[...files].sort().join(', ')}`);
  return [...findings.map((f) => f.text), ...fixes];
}

describe('architecture', () => {
  it('imports follow the layers and form no cycle (.dependency-cruiser.cjs; npm run deps)', { timeout: 120_000 }, async () => {
    const { code, stdout, stderr } = await imports;
    // `known:` lines are the listed debt (scripts/architecture-known-violations.txt), tolerated until fixed.
    const violations = stdout.split('\n').filter((line) => line && !line.startsWith('known: '));
    expect(violations, stderr).toEqual([]);
    expect(code, stderr).toBe(0);
  });

  it('lint and format are clean (biome.jsonc; npm run lint, npm run format)', { timeout: 120_000 }, async () => {
    const { code, stdout, stderr } = await biome;
    expect(biomeLines(stdout), stderr.slice(-2000)).toEqual([]);
    expect(code, stderr.slice(-2000)).toBe(0);
  });
});
