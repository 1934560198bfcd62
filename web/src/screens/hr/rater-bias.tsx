/**
 * HR console · Bias penilai (/hr/siklus/{cycleId}/bias-penilai): per rater, the distribution of their
 * predikat and ratings against their unit, the agency and their own previous cycles; the four checks
 * with statistic, threshold and minimum team size; a flag acknowledged once with a note. Reads only:
 * nothing here changes a rating (the screen says so).
 */
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { formatWib } from '../../format';
import { localErrors, type ShownErrors } from '../../problem';
import type { Me } from '../../types';
import { ErrorSummary, errorsOf, fill, Loading, TextAreaField, useApp, useLoad } from '../../ui';
import { HrConsole } from './console';

const PREDIKAT = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
const RATINGS = ['DI_ATAS', 'SESUAI', 'DI_BAWAH'] as const;
type Distribution = Record<string, number>;

interface Check {
  kind: string;
  raised: boolean;
  notAssessed?: string;
  value: number;
  reference: number;
  pValue: number;
  threshold: { minGap?: number; minShare?: number; minExcess?: number; alpha: number; minTeamSize: number };
  explanation: { id: string; en: string };
}
interface Rater {
  raterNip: string;
  name?: string;
  unitName?: string;
  unitId: string;
  teamSize: number;
  distribution: Distribution;
  ratings: { results: Distribution; behaviour: Distribution };
  unit: { size: number; distribution: Distribution };
  agency: { size: number; distribution: Distribution };
  previous: { cycleId: string; year: number; teamSize: number; distribution: Distribution }[];
  checks: Check[];
  flags: string[];
  acknowledgement?: { note: string; at: string; by: { nip: string; name?: string } };
}
interface Analysis {
  cycleId: string;
  rated: number;
  policy: { minTeamSize: number; minReferenceSize: number; alpha: number; source: string[] };
  raters: Rater[];
}

export function HrRaterBiasScreen({ me, path, cycleId }: { me: Me; path: string; cycleId: string }) {
  const { m } = useApp();
  const t = m.hrRoster.bias;
  const { data, error, reload } = useLoad(() => api<Analysis>('GET', `/v1/cycles/${encodeURIComponent(cycleId)}/rater-bias`), [cycleId]);
  const flagged = data?.raters.filter((r) => r.flags.length) ?? [];
  const others = data?.raters.filter((r) => !r.flags.length) ?? [];
  return (
    <HrConsole me={me} path={path} title={m.hr.titles.hrRaterBias} cycleId={cycleId}>
      <p class="lead">{t.lead}</p>
      <p class="notice" role="note">
        {t.never}
      </p>
      {!data && <Loading error={error} />}
      {data && (
        <>
          <p>
            {fill(t.method, { min: data.policy.minTeamSize, ref: data.policy.minReferenceSize })} {fill(t.rated, { n: data.rated })}
          </p>
          {data.raters.length === 0 && <p>{t.noRaters}</p>}
          <h2>{fill(t.flagged, { n: flagged.length })}</h2>
          {flagged.length === 0 && <p>{t.none}</p>}
          {flagged.map((r) => (
            <RaterCard key={r.raterNip} r={r} cycleId={cycleId} me={me} onDone={reload} open />
          ))}
          {others.length > 0 && (
            <details>
              <summary>{fill(t.others, { n: others.length })}</summary>
              {others.map((r) => (
                <RaterCard key={r.raterNip} r={r} cycleId={cycleId} me={me} onDone={reload} open={false} />
              ))}
            </details>
          )}
          <h2>{t.sources}</h2>
          <ul class="meta">
            {data.policy.source.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      )}
    </HrConsole>
  );
}

const pct = (n: number, total: number) => (total ? `${Math.round((n / total) * 100)}%` : '—');
const sum = (d: Distribution) => Object.values(d).reduce((a, b) => a + b, 0);

function RaterCard({ r, cycleId, me, onDone, open }: { r: Rater; cycleId: string; me: Me; onDone: () => void; open: boolean }) {
  const { m, locale } = useApp();
  const t = m.hrRoster.bias;
  const id = `r-${r.raterNip}`;
  const columns: [string, Distribution][] = [
    [fill(t.team, { n: r.teamSize }), r.distribution],
    [fill(t.unit, { n: r.unit.size }), r.unit.distribution],
    [fill(t.agency, { n: r.agency.size }), r.agency.distribution],
    ...r.previous.map((p): [string, Distribution] => [fill(t.previous, { year: p.year, n: p.teamSize }), p.distribution]),
  ];
  const ratingText = (d: Distribution) =>
    RATINGS.filter((k) => d[k])
      .map((k) => `${m.rating[k]} ${d[k]}`)
      .join(', ') || '—';
  const number = (x: number, digits = 2) => x.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: digits });
  return (
    <section class="card bias" aria-labelledby={id}>
      <h3 id={id}>
        {r.name ?? r.raterNip}
        {r.flags.map((f) => (
          <span key={f} class="tag flag">
            {t.kinds[f] ?? f}
          </span>
        ))}
      </h3>
      <p class="meta">
        {r.unitName ?? r.unitId} · NIP {r.raterNip}
      </p>
      <table class="dist">
        <caption>{t.distribution}</caption>
        <thead>
          <tr>
            <th scope="col">{t.predikatCol}</th>
            {columns.map(([label]) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PREDIKAT.map((p) => (
            <tr key={p}>
              <th scope="row">{m.predikat[p]}</th>
              {columns.map(([label, d]) => (
                <td key={label}>
                  {pct(d[p] ?? 0, sum(d))}
                  <span class="count"> ({d[p] ?? 0})</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="meta">{fill(t.ratings, { results: ratingText(r.ratings.results), behaviour: ratingText(r.ratings.behaviour) })}</p>
      <details open={open}>
        <summary>{t.checks}</summary>
        <ul class="checks">
          {r.checks.map((c) => {
            const rule =
              c.threshold.minExcess !== undefined
                ? fill(t.excess, { n: Math.round(c.threshold.minExcess * 100) })
                : c.threshold.minShare !== undefined
                  ? `${fill(t.share, { n: Math.round(c.threshold.minShare * 100) })}, ${fill(t.gap, { n: Math.round((c.threshold.minGap ?? 0) * 100) })}`
                  : fill(t.gap, { n: Math.round((c.threshold.minGap ?? 0) * 100) });
            return (
              <li key={c.kind} class={c.raised ? 'raised' : undefined}>
                <strong>
                  {t.kinds[c.kind] ?? c.kind}: {c.raised ? t.raised : c.notAssessed ? t.notAssessed[c.notAssessed] : t.notRaised}
                </strong>
                <span class="meta">{locale === 'en' ? c.explanation.en : c.explanation.id}</span>
                {!c.notAssessed && (
                  <span class="meta">
                    {fill(t.statistic, {
                      value: c.kind === 'HALO' ? number(c.value * 100, 1) : `${number(c.value * 100, 1)}%`,
                      reference: c.kind === 'HALO' ? number(c.reference * 100, 1) : `${number(c.reference * 100, 1)}%`,
                      p: number(c.pValue, 4),
                    })}
                  </span>
                )}
                <span class="meta">{fill(t.threshold, { rule, alpha: number(c.threshold.alpha), min: c.threshold.minTeamSize })}</span>
              </li>
            );
          })}
        </ul>
      </details>
      {r.acknowledgement && (
        <p class="notice">
          {fill(t.acknowledged, {
            by: r.acknowledgement.by.name ?? r.acknowledgement.by.nip,
            at: formatWib(r.acknowledgement.at, locale),
            note: r.acknowledgement.note,
          })}
        </p>
      )}
      {r.flags.length > 0 && !r.acknowledgement && r.raterNip !== me.nip && <Acknowledge r={r} cycleId={cycleId} onDone={onDone} />}
    </section>
  );
}

function Acknowledge({ r, cycleId, onDone }: { r: Rater; cycleId: string; onDone: () => void }) {
  const { m, locale, flash } = useApp();
  const t = m.hrRoster.bias;
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const path = `note-${r.raterNip}`;
  async function save() {
    if (!note.trim()) return setErrors(localErrors({ [path]: t.noteRequired }));
    setBusy(true);
    flash(undefined);
    try {
      await api('POST', `/v1/cycles/${encodeURIComponent(cycleId)}/rater-bias/${r.raterNip}/acknowledgement`, { note: note.trim() });
      setErrors(undefined);
      flash(fill(t.ackDone, { name: r.name ?? r.raterNip }));
      onDone();
    } catch (err) {
      const shown = errorsOf(err, locale, m, ['note']);
      setErrors(
        shown && {
          byField: shown.byField.note ? { [path]: shown.byField.note } : {},
          summary: shown.summary.map((s) => ({ ...s, ...(s.field === 'note' ? { field: path } : {}) })),
        },
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="ack">
      <h4>{t.ackTitle}</h4>
      <ErrorSummary errors={errors} />
      <TextAreaField path={path} label={t.note} hint={t.noteHint} errors={errors} rows={3} value={note} onValue={(value) => setNote(value)} />
      <button type="button" disabled={busy} onClick={save}>
        {t.acknowledge}
      </button>
    </div>
  );
}
