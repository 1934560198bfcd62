/**
 * `npm run bench -- documents`: the documents function's bundle (built as deployed, infra/bundling.ts),
 * the time to load it in a fresh Node process, and the time to render each document (median of runs,
 * after one warm-up render) with the same renderer the function uses.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { esbuildOptionsOf } from '../infra/bundling';
import { FUNCTIONS } from '../infra/functions';
import { renderPdf } from '../shared/adapters/render/documents/pdf';
import { annualDocument, coachingDocument, type DocumentContent, penetapanDocument, periodicDocument, skpDocument } from '../shared/domain/documents';
import { coachingPlan, docAudit, docContext, finalEvaluation, peerEvaluation, unitCalibration } from '../test/support/documents-fixtures';
import { median, REPO_ROOT, round } from './lib/util';

export async function benchDocuments(runs = 15) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-documents-'));
  try {
    const outfile = path.join(dir, 'index.mjs');
    await build({ ...esbuildOptionsOf(), entryPoints: [path.join(REPO_ROOT, FUNCTIONS.documents.entry)], outfile, absWorkingDir: REPO_ROOT });
    const bundleKb = round(statSync(outfile).size / 1024);
    // Module load in a fresh process (what a cold start adds before the handler runs), median of 5.
    const loads = Array.from({ length: 5 }, () =>
      Number(
        execFileSync(
          process.execPath,
          ['-e', `const t=performance.now();import(${JSON.stringify(outfile)}).catch(()=>{}).finally(()=>console.log(performance.now()-t))`],
          {
            env: { ...process.env, TABLE_NAME: 't', AWS_REGION: 'ap-southeast-3', FILES_BUCKET: 'b' },
            encoding: 'utf8',
          },
        ).trim(),
      ),
    );
    const stamp = {
      code: 'ABCD1234EFGH5678',
      hash: 'a'.repeat(64),
      verifyUrl: 'https://kinerja.example/v1/public/documents/ABCD1234EFGH5678',
      generatedAt: '2027-01-20T03:00:00.000Z',
      signatureNote: 'Tidak ditandatangani secara elektronik',
    };
    const docs: Record<string, DocumentContent> = {
      SKP: skpDocument(finalEvaluation, docAudit, docContext)!,
      EVALUASI_PERIODIK: periodicDocument(finalEvaluation, docContext)!,
      EVALUASI_TAHUNAN: annualDocument(finalEvaluation, docAudit, docContext)!,
      PENETAPAN_PREDIKAT: penetapanDocument({ kind: 'unit', unitId: 'seksi-kesra' }, [finalEvaluation, peerEvaluation], unitCalibration, undefined, docContext),
      CATATAN_PEMBINAAN: coachingDocument(coachingPlan(), docContext),
    };
    const t0 = performance.now();
    await renderPdf(docs.SKP!, stamp);
    const firstRenderMs = round(performance.now() - t0, 1);
    const rows = [];
    for (const [kind, content] of Object.entries(docs)) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        bytes = (await renderPdf(content, stamp)).byteLength;
        times.push(performance.now() - t);
      }
      rows.push({ document: kind, medianMs: round(median(times), 1), kb: round(bytes / 1024, 1) });
    }
    return { bundleKb, loadMs: round(median(loads), 1), firstRenderMs, runs, rows };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
