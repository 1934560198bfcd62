/** Progress and bukti dukung: realisations per indicator, evidence files (presigned upload) and links, the self-assessment. */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../drafts';
import { checkFile, EVIDENCE_ACCEPT, type EvidenceItem, evidenceRef, isEvidenceRef, listEvidence, MAX_EVIDENCE_BYTES, uploadEvidence } from '../evidence';
import { formatBytes } from '../format';
import { localErrors, type ShownErrors } from '../problem';
import { parseNumber } from '../skp-form';
import type { EvaluationDetail, Me, Realisation } from '../types';
import { ErrorSummary, errorsOf, Field, fill, Loading, Notice, Page, TextAreaField, useApp, useLoad } from '../ui';

interface Row {
  value: string;
  judgement: string;
  links: string;
  files: EvidenceItem[];
}

export function ProgressScreen({ me, cycleId }: { me: Me; cycleId: string }) {
  const { m } = useApp();
  const base = `/v1/cycles/${cycleId}/evaluations/${me.nip}`;
  const { data, error } = useLoad(() => Promise.all([api<EvaluationDetail>('GET', base), listEvidence(cycleId, me.nip)]), [cycleId, me.nip]);
  if (!data) return <Page title={m.progress.title}>{<Loading error={error} />}</Page>;
  return (
    <Page title={m.progress.title}>
      <p class="lead">{m.progress.lead}</p>
      {data[0].evaluation.skp ? <ProgressForm me={me} cycleId={cycleId} detail={data[0]} files={data[1]} /> : <p>{m.progress.notYet}</p>}
    </Page>
  );
}

function initialRows(detail: EvaluationDetail, files: EvidenceItem[]): Record<string, Row> {
  const e = detail.evaluation;
  const stored = new Map<string, Realisation>([...(e.progress ?? []), ...(e.realisations ?? [])].map((r) => [r.indicatorId, r]));
  const byId = new Map(files.map((f) => [f.evidenceId, f]));
  const rows: Record<string, Row> = {};
  for (const r of e.skp?.rhk ?? [])
    for (const ind of r.indicators) {
      const s = stored.get(ind.id);
      const refs = s?.evidence ?? [];
      rows[ind.id] = {
        value: s?.value !== undefined ? String(s.value) : '',
        judgement: s?.judgement ?? '',
        links: refs.filter((x) => !isEvidenceRef(x)).join('\n'),
        // Files referenced by the realisation, and files uploaded for this indicator but not yet saved with it.
        files: [
          ...refs.filter(isEvidenceRef).map((x) => byId.get(x.slice(9)) ?? { evidenceId: x.slice(9), fileName: x.slice(9) }),
          ...files.filter((f) => f.kind === 'file' && f.indicatorId === ind.id && !refs.includes(evidenceRef(f.evidenceId))),
        ],
      };
    }
  return rows;
}

function ProgressForm({ me, cycleId, detail, files }: { me: Me; cycleId: string; detail: EvaluationDetail; files: EvidenceItem[] }) {
  const { m, locale } = useApp();
  const key = draftKey(me.nip, cycleId, 'progress');
  const skp = detail.evaluation.skp!;
  const [rows, setRows] = useState<Record<string, Row>>(() => loadDraft<Record<string, Row>>(localStorage, key)?.value ?? initialRows(detail, files));
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [uploading, setUploading] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    saveDraft(localStorage, key, rows);
  }, [rows, key]);
  const set = (id: string, patch: Partial<Row>) => setRows((r) => ({ ...r, [id]: { ...r[id]!, ...patch } }));
  const indicators = skp.rhk.flatMap((r) => r.indicators);
  const known = indicators.flatMap((_, k) => [`realisations.${k}.value`, `realisations.${k}.judgement`, `realisations.${k}.evidence`]);

  async function onFile(rhkId: string, indicatorId: string, k: number, input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    const check = checkFile(file);
    if (check !== 'ok') {
      setErrors(
        localErrors({
          [`realisations.${k}.evidence`]: check === 'type' ? m.errors.fileType : fill(m.errors.fileTooLarge, { max: formatBytes(MAX_EVIDENCE_BYTES) }),
        }),
      );
      return;
    }
    setUploading(file.name);
    try {
      const item = await uploadEvidence(cycleId, me.nip, file, { rhkId, indicatorId });
      setRows((r) => ({ ...r, [indicatorId]: { ...r[indicatorId]!, files: [...r[indicatorId]!.files, item] } }));
      setErrors(undefined);
      setNotice(`${m.progress.uploaded}: ${file.name}`);
      input.value = '';
    } catch (err) {
      setErrors(errorsOf(err, locale, m) ?? undefined);
    } finally {
      setUploading(undefined);
    }
  }

  async function save(ev: Event) {
    ev.preventDefault();
    setNotice(undefined);
    const local: Record<string, string> = {};
    const realisations = indicators.map((ind, k) => {
      const row = rows[ind.id]!;
      const evidence = [
        ...row.links
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
        ...row.files.map((f) => evidenceRef(f.evidenceId)),
      ];
      if (ind.target.kind === 'quantitative') {
        const n = parseNumber(row.value);
        if (row.value.trim() && (n === undefined || n < 0)) local[`realisations.${k}.value`] = m.errors.number;
        return { indicatorId: ind.id, ...(n !== undefined ? { value: n } : {}), ...(evidence.length ? { evidence } : {}) };
      }
      return { indicatorId: ind.id, ...(row.judgement ? { judgement: row.judgement } : {}), ...(evidence.length ? { evidence } : {}) };
    });
    if (Object.keys(local).length) return setErrors(localErrors(local));
    setBusy(true);
    try {
      await api('PUT', `/v1/cycles/${cycleId}/evaluations/${me.nip}/progress`, { realisations });
      clearDraft(localStorage, key);
      setErrors(undefined);
      setNotice(m.progress.saved);
    } catch (err) {
      setErrors(errorsOf(err, locale, m, known));
    } finally {
      setBusy(false);
    }
  }

  let k = -1;
  return (
    <>
      <form onSubmit={save} noValidate>
        <ErrorSummary errors={errors} />
        <Notice text={notice} />
        {skp.rhk.map((r) => (
          <section key={r.id} class="card" aria-label={r.description}>
            <h2>{r.description}</h2>
            {r.indicators.map((ind) => {
              k++;
              const at = `realisations.${k}`;
              const row = rows[ind.id]!;
              const idx = k;
              const target =
                ind.target.kind === 'quantitative'
                  ? `${ind.target.value} ${ind.target.unit}${ind.target.direction === 'lowerIsBetter' ? ' (↓)' : ''}`
                  : ind.target.expectation;
              return (
                <fieldset key={ind.id} class="indicator">
                  <legend>{ind.description}</legend>
                  <p class="meta">{fill(m.progress.target, { target: target ?? '' })}</p>
                  {ind.target.kind === 'quantitative' ? (
                    <Field path={`${at}.value`} label={fill(m.progress.realisation, { unit: ind.target.unit ?? '' })} errors={errors}>
                      {(a) => (
                        <input
                          id={a.id}
                          inputMode="decimal"
                          aria-describedby={a.describedBy}
                          aria-invalid={a.invalid}
                          value={row.value}
                          onInput={(e) => set(ind.id, { value: e.currentTarget.value })}
                        />
                      )}
                    </Field>
                  ) : (
                    <Field path={`${at}.judgement`} label={m.progress.judgement} errors={errors}>
                      {(a) => (
                        <select
                          id={a.id}
                          aria-describedby={a.describedBy}
                          value={row.judgement}
                          onChange={(e) => set(ind.id, { judgement: e.currentTarget.value })}
                        >
                          <option value="">—</option>
                          {['DI_ATAS', 'SESUAI', 'DI_BAWAH'].map((x) => (
                            <option key={x} value={x}>
                              {m.rating[x]}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                  )}
                  <TextAreaField
                    path={`${at}.evidence`}
                    label={m.progress.links}
                    errors={errors}
                    rows={2}
                    value={row.links}
                    onValue={(value) => set(ind.id, { links: value })}
                  />
                  <div class="field">
                    <label for={`file-${ind.id}`}>{m.progress.file}</label>
                    <p class="hint" id={`file-${ind.id}-hint`}>
                      {fill(m.progress.fileHint, { max: formatBytes(MAX_EVIDENCE_BYTES) })}
                    </p>
                    <input
                      type="file"
                      id={`file-${ind.id}`}
                      aria-describedby={`file-${ind.id}-hint`}
                      accept={EVIDENCE_ACCEPT}
                      onChange={(e) => onFile(r.id, ind.id, idx, e.currentTarget)}
                    />
                  </div>
                  {row.files.length > 0 && (
                    <ul class="files" aria-label={m.progress.evidence}>
                      {row.files.map((f) => (
                        <li key={f.evidenceId}>
                          {f.downloadUrl ? <a href={f.downloadUrl}>{f.fileName}</a> : f.fileName}
                          {f.size ? ` (${formatBytes(f.size)})` : ''}
                        </li>
                      ))}
                    </ul>
                  )}
                </fieldset>
              );
            })}
          </section>
        ))}
        {uploading && (
          <p role="status" class="meta">
            {fill(m.progress.uploading, { name: uploading })}
          </p>
        )}
        <div class="actions">
          <button type="submit" disabled={busy || Boolean(uploading)}>
            {busy ? m.saving : m.progress.save}
          </button>
        </div>
      </form>
      <SelfAssessment me={me} cycleId={cycleId} />
    </>
  );
}

function SelfAssessment({ me, cycleId }: { me: Me; cycleId: string }) {
  const { m, locale } = useApp();
  const key = draftKey(me.nip, cycleId, 'self');
  const [summary, setSummary] = useState(() => loadDraft<string>(localStorage, key)?.value ?? '');
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  useEffect(() => {
    saveDraft(localStorage, key, summary);
  }, [summary, key]);
  async function save(ev: Event) {
    ev.preventDefault();
    if (!summary.trim()) return setErrors(localErrors({ summary: m.errors.required }));
    try {
      await api('PUT', `/v1/cycles/${cycleId}/evaluations/${me.nip}/self-assessment`, { summary: summary.trim() });
      clearDraft(localStorage, key);
      setErrors(undefined);
      setNotice(m.progress.selfSaved);
    } catch (err) {
      setErrors(errorsOf(err, locale, m, ['summary']));
    }
  }
  return (
    <form onSubmit={save} noValidate class="card" aria-labelledby="self-title">
      <h2 id="self-title">{m.progress.selfTitle}</h2>
      <ErrorSummary errors={errors} />
      <Notice text={notice} />
      <TextAreaField path="summary" label={m.progress.selfSummary} errors={errors} rows={3} value={summary} onValue={(value) => setSummary(value)} />
      <button type="submit" class="secondary">
        {m.progress.selfSave}
      </button>
    </form>
  );
}
