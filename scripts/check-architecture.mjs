#!/usr/bin/env node
import { existsSync, readFileSync } from 'node:fs';
// Checks the import rules in .dependency-cruiser.cjs and prints one line per violation (nothing when clean).
// Uses dependency-cruiser's API rather than its CLI: the CLI of dependency-cruiser 18 refuses to start on
// Node 20, which this project still supports; the API runs fine on it.
//   node scripts/check-architecture.mjs            all top-level code folders
//   node scripts/check-architecture.mjs shared     only these folders
import path from 'node:path';
import process from 'node:process';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const ROOT = path.resolve(import.meta.dirname, '..');
const FOLDERS = ['shared', 'functions', 'infra', 'workflows', 'local', 'bench', 'scripts', 'test'];

process.chdir(ROOT);
const folders = process.argv.length > 2 ? process.argv.slice(2) : FOLDERS;
const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
const { output } = await cruise(folders, options, {}, { tsConfig: extractTSConfig(options.ruleSet.options?.tsConfig?.fileName ?? 'tsconfig.json') });

// A worktree's node_modules may be a link to another checkout's: show a package by its name.
const shown = (module) => module.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1');
// dependency-cruiser reports a cycle once per module on it: keep one line per distinct cycle.
const lines = new Set();
for (const v of output.summary.violations) {
  if (v.rule.severity === 'ignore') continue;
  const level = v.rule.severity === 'error' ? '' : ` (${v.rule.severity})`;
  if (v.cycle?.length) {
    const names = v.cycle.map((c) => shown(typeof c === 'string' ? c : c.name));
    // from → … → from, rotated to start at its smallest name so each cycle prints the same way.
    const walk = [v.from, ...names];
    const start = walk.indexOf(walk.toSorted()[0]);
    const ring = [...walk.slice(start, -1), ...walk.slice(0, start), walk[start]];
    lines.add(`${v.rule.name}${level}: ${ring.join(' → ')}`);
  } else {
    lines.add(`${v.rule.name}${level}: ${v.from} → ${shown(v.to)}`);
  }
}
// A rule whose `from` matches no module guards nothing (a folder was renamed): say so, on a full run.
let stale = 0;
if (folders === FOLDERS) {
  const sources = output.modules.map((m) => m.source);
  for (const rule of options.ruleSet.forbidden ?? []) {
    const from = [rule.from?.path ?? []].flat().map((p) => new RegExp(p));
    if (from.length && !sources.some((s) => from.some((re) => re.test(s)))) {
      lines.add(`stale-rule: ${rule.name} matches no module (from ${rule.from.path}): update .dependency-cruiser.cjs`);
      stale++;
    }
  }
}
// Debt the restructuring left, one line each (README, "Architecture"): listed lines are reported but
// tolerated; a new violation fails, and so does a listed one that is gone (the list only shrinks).
const KNOWN_FILE = 'scripts/architecture-known-violations.txt';
const known = new Set(
  existsSync(KNOWN_FILE)
    ? readFileSync(KNOWN_FILE, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
    : [],
);
let fresh = 0;
let fixed = 0;
for (const line of [...lines].sort()) {
  if (known.has(line)) console.log(`known: ${line}`);
  else {
    console.log(line);
    fresh++;
  }
}
if (folders === FOLDERS) {
  for (const line of known)
    if (!lines.has(line)) {
      console.log(`fixed, remove from ${KNOWN_FILE}: ${line}`);
      fixed++;
    }
}
const { error, warn, totalCruised } = output.summary;
console.error(
  `dependency-cruiser: ${totalCruised} modules in ${folders.join(', ')}; ${lines.size} violations (${error} errors, ${warn} warnings counted per module)`,
);
process.exit(fresh > 0 || fixed > 0 || stale > 0 ? 1 : 0);
