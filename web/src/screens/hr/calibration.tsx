/**
 * /hr/siklus/{cycleId}/kalibrasi: each unit's predikat distribution against the curve of the organisation
 * predikat (bars in HTML, the numbers written out; a unit opens to show every rule of the curve with what it
 * allows and what the unit has), each calibration flag with its explanation, and its resolution with a
 * required reason. Before calibration: the organisation predikat that will set the curve, and the
 * distribution so far.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { formatWib } from '../../format';
import { localErrors, type ShownErrors } from '../../problem';
import type { Me } from '../../types';
import { ErrorSummary, errorsOf, Field, fill, Loading, useApp, useLoad } from '../../ui';
import { HrConsole } from './console';
import type { CalibrationFlag, CycleSummary, RuleCheck, ScopeDistribution } from './types';

const PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];
const ORGANISATION = 'ORGANISASI';

export function HrCalibrationScreen({ me, path, cycleId }: { me: Me; path: string; cycleId: string }) {
  const { m, locale } = useApp();
  const summary = useLoad(() => api<CycleSummary>('GET', `/v1/cycles/${cycleId}`), [cycleId]);
  const s = summary.data;
  const c = s?.cycle;
  const names = new Map((s?.units ?? []).map((u) => [u.unitId, u.name]));
  const nameOf = (unitId: string) => (unitId === ORGANISATION ? m.hrConsole.calibration.organisation : (names.get(unitId) ?? unitId));
  const orgLabel = (p: string | undefined) => (p ? (m.hrConsole.orgPredikat[p] ?? p) : '—');
  return (
    <HrConsole me={me} path={path} cycleId={cycleId} title={m.hr.titles.hrCalibration}>
      {!s || !c ? (
        <Loading error={summary.error} />
      ) : !c.calibration ? (
        <>
          <p>{c.orgPredikat ? fill(m.hrConsole.calibration.orgBefore, { predikat: orgLabel(c.orgPredikat) }) : m.hrConsole.calibration.orgUnset}</p>
          <p>{m.hrConsole.calibration.notYet}</p>
          {s.units.map((u) => (
            <UnitCard
              key={u.unitId}
              name={u.name}
              scope={{ scope: 'unit', unitId: u.unitId, size: u.employees, counts: u.distribution, status: 'OK', checks: [] }}
              preview
            />
          ))}
        </>
      ) : (
        <>
          <p>{fill(m.hrConsole.calibration.orgBefore, { predikat: orgLabel(c.calibration.orgPredikat) })}</p>
          <p class="meta">
            {fill(m.hrConsole.calibration.ranAt, { date: formatWib(c.calibration.at, locale), predikat: orgLabel(c.calibration.orgPredikat) })}
          </p>
          <section aria-labelledby="flags-title">
            <h2 id="flags-title">{m.hrConsole.calibration.flagsTitle}</h2>
            {c.calibration.flags.length === 0 ? (
              <p>{m.hrConsole.calibration.noFlags}</p>
            ) : (
              c.calibration.flags.map((f) => (
                <Flag
                  key={f.unitId}
                  cycleId={cycleId}
                  flag={f}
                  unitName={nameOf(f.unitId)}
                  canResolve={c.stage === 'CALIBRATION' && c.status === 'ACTIVE'}
                  onResolved={summary.reload}
                />
              ))
            )}
          </section>
          {c.calibration.report && (
            <section aria-labelledby="dist-title">
              <h2 id="dist-title">{m.hrConsole.calibration.distributionTitle}</h2>
              <UnitCard name={nameOf(ORGANISATION)} scope={c.calibration.report.organisation} />
              {c.calibration.report.units.map((u) => (
                <UnitCard key={u.unitId} name={nameOf(u.unitId)} scope={u} />
              ))}
            </section>
          )}
        </>
      )}
    </HrConsole>
  );
}

function Flag({
  cycleId,
  flag,
  unitName,
  canResolve,
  onResolved,
}: {
  cycleId: string;
  flag: CalibrationFlag;
  unitName: string;
  canResolve: boolean;
  onResolved: () => void;
}) {
  const { m, locale, flash } = useApp();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ShownErrors>();
  const [busy, setBusy] = useState(false);
  const field = `reason-${flag.unitId}`;
  const title = fill(m.hrConsole.calibration.flagOf, { unit: unitName });
  return (
    <article class="card" aria-labelledby={`flag-${flag.unitId}`}>
      <h3 id={`flag-${flag.unitId}`}>{title}</h3>
      <ul>
        {flag.violations.map((v) => (
          <li key={`${v.unitId}-${v.rule.en}`}>{locale === 'en' ? v.messageEn : v.messageId}</li>
        ))}
      </ul>
      {flag.resolved ? (
        <p class="notice">
          {fill(m.hrConsole.calibration.resolvedBy, { date: formatWib(flag.resolution?.at, locale), reason: flag.resolution?.reason ?? '' })}
        </p>
      ) : !canResolve ? (
        <p class="meta">{m.hrConsole.calibration.notInStage}</p>
      ) : (
        <form
          noValidate
          aria-label={title}
          onSubmit={async (e) => {
            e.preventDefault();
            if (!reason.trim()) {
              setErrors(localErrors({ [field]: m.hrConsole.calibration.reasonNeeded }));
              return;
            }
            setBusy(true);
            setErrors(undefined);
            try {
              await api('POST', `/v1/cycles/${cycleId}/calibration/${encodeURIComponent(flag.unitId)}/resolution`, { reason: reason.trim() });
              flash(fill(m.hrConsole.calibration.resolved, { unit: unitName }));
              onResolved();
            } catch (err) {
              const shown = errorsOf(err, locale, m, ['reason']);
              setErrors(
                shown && {
                  summary: shown.summary.map((x) => ({ text: x.text, ...(x.field ? { field } : {}) })),
                  byField: shown.byField.reason ? { [field]: shown.byField.reason } : {},
                },
              );
            } finally {
              setBusy(false);
            }
          }}
        >
          <ErrorSummary errors={errors} />
          <Field path={field} label={m.hrConsole.calibration.reason} hint={m.hrConsole.calibration.reasonHint} errors={errors}>
            {({ id, describedBy, invalid }) => (
              <textarea
                id={id}
                rows={3}
                aria-describedby={describedBy}
                aria-invalid={invalid}
                value={reason}
                onInput={(e) => setReason(e.currentTarget.value)}
              />
            )}
          </Field>
          <button type="submit" disabled={busy}>
            {m.hrConsole.calibration.resolve}
          </button>
        </form>
      )}
    </article>
  );
}

/** The checks that concern a predikat and were violated: its bar is marked. */
const violatedFor = (checks: RuleCheck[], p: string) => checks.some((c) => c.status === 'VIOLATED' && c.predikats.includes(p));

function UnitCard({ name, scope, preview = false }: { name: string; scope: ScopeDistribution; preview?: boolean }) {
  const { m, locale } = useApp();
  const [open, setOpen] = useState(false);
  const id = `unit-${scope.unitId}`;
  const pct = (n: number) => (scope.size ? `${Math.round((n / scope.size) * 100)} %` : '0 %');
  const status =
    scope.status === 'VIOLATIONS'
      ? m.hrConsole.calibration.statusViolations
      : scope.status === 'NOT_APPLICABLE'
        ? m.hrConsole.calibration.statusNa
        : m.hrConsole.calibration.statusOk;
  const range = (c: RuleCheck) =>
    [
      c.min !== undefined ? fill(m.hrConsole.calibration.atLeast, { n: c.min }) : '',
      c.max !== undefined ? fill(m.hrConsole.calibration.atMost, { n: c.max }) : '',
    ]
      .filter(Boolean)
      .join(', ') || '—';
  return (
    <article class="card" aria-labelledby={`${id}-title`} data-unit={scope.unitId}>
      <h3 id={`${id}-title`}>{name}</h3>
      <p class="meta">
        {fill(m.hrConsole.calibration.people, { n: scope.size })}
        {preview ? '' : ` · ${status}`}
      </p>
      <ul class="bars" aria-label={fill(m.hrConsole.calibration.chartLabel, { unit: name })}>
        {PREDIKATS.map((p) => {
          const n = scope.counts[p] ?? 0;
          const bad = violatedFor(scope.checks, p);
          return (
            <li key={p}>
              <span>
                {m.predikat[p] ?? p}: {fill(m.hrConsole.calibration.count, { n, pct: pct(n) })}
              </span>
              <span class="bar-track" aria-hidden="true">
                <span class={`bar-fill${bad ? ' bad' : ''}`} style={{ width: scope.size ? `${(n / scope.size) * 100}%` : '0%' }} />
              </span>
            </li>
          );
        })}
      </ul>
      {scope.checks.length > 0 && (
        <>
          <button type="button" class="link" aria-expanded={open} aria-controls={`${id}-checks`} onClick={() => setOpen(!open)}>
            {open ? m.hrConsole.calibration.hideChecks : m.hrConsole.calibration.showChecks}
            <span class="visually-hidden"> · {name}</span>
          </button>
          <ul id={`${id}-checks`} class="checks" hidden={!open}>
            {scope.checks.map((c) => (
              <li key={`${c.rule.en}-${c.predikats.join()}`} class={c.status}>
                <strong>{m.hrConsole.calibration.checkStatus[c.status]}</strong>: {locale === 'en' ? c.rule.en : c.rule.id} —{' '}
                {fill(m.hrConsole.calibration.range, { range: range(c), actual: c.actual })}. {locale === 'en' ? c.message.en : c.message.id}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
