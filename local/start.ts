#!/usr/bin/env node
/**
 * `npm start`: starts the local stack, runs one whole evaluation cycle on the sample roster of
 * Kecamatan Asemrowo with simulated people, prints the results, stops everything, exits 0.
 */
import './sfn/polyfill';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { documentsSummary, exportDocuments } from './documents';
import { LOCAL_STACK_FILE } from './http/mint-token-cli';
import { printReport } from './report';
import { runCycle, seedRoster } from './run-cycle';
import { loadSampleAgency } from './sample/schema';
import { type LocalStack, startLocalStack } from './stack';

// On Node 20 the AWS SDK prints a notice that its releases after January 2027 need Node 22 (README, "Two
// commands"): said once there, not at every client. Set the variable to "false" to see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const root = path.resolve(new URL('..', import.meta.url).pathname);
const workDir = path.join(root, '.local', 'run');
const samplePath = process.env.SAMPLE_FILE ?? path.join(root, 'local/sample/asemrowo.json');
const t0 = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${line}`);

/** Builds the web app (web/build.ts buildWeb → web/dist) when the checkout has it; the server serves web/dist. */
async function buildWebApp(): Promise<string | undefined> {
  const build = path.join(root, 'web', 'build.ts');
  if (!existsSync(build)) return undefined;
  // A computed specifier: web/ is the app's own module, built here only as a step before the stack starts.
  const { buildWeb } = (await import(new URL(`file://${build}`).href)) as { buildWeb: (outDir?: string) => Promise<unknown> };
  await buildWeb(path.join(root, 'web', 'dist'));
  return path.join(root, 'web', 'dist');
}

async function main(): Promise<void> {
  const sample = loadSampleAgency(samplePath);
  const web = await buildWebApp();
  log(web ? `Aplikasi web dibangun: ${path.relative(root, web)}` : 'Aplikasi web: web/build.ts belum ada (hanya API)');
  rmSync(workDir, { recursive: true, force: true });
  log(`Kinerja ASN — siklus lokal untuk ${sample.name} (${sample.employees.filter((e) => !e.external).length} pegawai)`);
  let stack: LocalStack | undefined;
  const stopAll = async () => {
    if (stack) {
      const s = stack;
      stack = undefined;
      await s.stop();
    }
  };
  if (!process.argv.includes('--keep')) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => {
        void stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
      });
  }
  try {
    stack = await startLocalStack({
      workDir,
      httpPort: process.env.LOCAL_HTTP_PORT ? Number(process.env.LOCAL_HTTP_PORT) : undefined,
      dynamoPort: process.env.LOCAL_DYNAMODB_PORT ? Number(process.env.LOCAL_DYNAMODB_PORT) : undefined,
      timeScale: Number(process.env.LOCAL_TIME_SCALE ?? 1e-5),
      log,
    });
    // For mint-token: which API runs with the keys in this folder, while this process lives.
    writeFileSync(path.join(workDir, LOCAL_STACK_FILE), `${JSON.stringify({ apiUrl: stack.apiUrl, pid: process.pid })}\n`);
    if (web)
      log(
        `Aplikasi web: ${stack.webUrl}/ — Masuk, lalu pilih pegawai mana pun (selama siklus berjalan; \`npm start -- --keep\` membiarkannya menyala sesudahnya)`,
      );
    await seedRoster(sample);
    log('Data pegawai dan unit dimuat');
    const outcome = await runCycle(stack, sample, { log });
    printReport(outcome, sample, (line) => console.log(line));
    // The HR report page and the CSV export, fetched from the API as HR would, kept as files.
    const hrToken = await stack.token(outcome.hrNip, ['hr', 'employee']);
    for (const [route, file] of [
      ['report', 'laporan-siklus.html'],
      ['export.csv', `penilaian-kinerja-${outcome.cycleId}.csv`],
    ] as const) {
      const res = await fetch(`${stack.apiUrl}/v1/cycles/${outcome.cycleId}/${route}`, { headers: { authorization: `Bearer ${hrToken}` } });
      if (res.status !== 200) throw new Error(`GET ${route} → ${res.status}`);
      writeFileSync(path.join(workDir, file), Buffer.from(await res.arrayBuffer()));
      log(`${route === 'report' ? 'Laporan siklus (buka di peramban)' : 'Ekspor CSV (Excel)'}: ${path.relative(root, path.join(workDir, file))}`);
    }
    // The official PDFs the documents function made (and the coaching sessions of the Butuh Perbaikan employees).
    const documents = await exportDocuments(stack, outcome, path.join(workDir, 'documents'), log);
    log(
      `Selesai: ${outcome.evaluations.length} penilaian final, ${outcome.decisionsByLink} keputusan lewat tautan email, ${outcome.emails} email di ${path.relative(root, stack.outboxDir)}`,
    );
    log(documentsSummary(documents, path.relative(root, documents.dir)));
    if (process.argv.includes('--keep')) {
      // Leave the stack up for exploring with curl and the outbox links; Ctrl-C stops everything.
      log(
        `Stack tetap berjalan: API ${stack.apiUrl} — token: npm run -s mint-token -- --nip <NIP> --role hr (kunci ${path.relative(root, path.join(workDir, 'keys'))}). Ctrl-C untuk berhenti.`,
      );
      log(`Aplikasi web: ${stack.webUrl}/ — klik Masuk, lalu pilih pegawai mana pun dari daftar (tanpa kata sandi; HR: ${outcome.hrNip}).`);
      log(`  Masuk lokal (OpenID Connect): ${stack.oidc.issuer} · berkas (S3 lokal): ${stack.s3.endpoint}/${stack.s3.bucket}`);
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    }
  } finally {
    await stopAll();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`\nGagal / failed: ${err.message}`);
    if (process.env.DEBUG) console.error(err.stack);
    process.exit(1);
  },
);
