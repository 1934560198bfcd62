/**
 * /hr: the agency's cycles, creating and starting a cycle for a year (an impossible year is refused by the
 * API with the years allowed: shown beside the field), the yearly schedule the newest cycle runs under in
 * plain words with dates in WIB, and its organisation predikat while it can still change.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { formatWib } from '../../format';
import type { ShownErrors } from '../../problem';
import { localErrors } from '../../problem';
import type { Me } from '../../types';
import { ErrorSummary, errorsOf, Field, fill, Link, Loading, useApp, useLoad } from '../../ui';
import { HrConsole } from './console';
import type { CycleSummary, StageProgress } from './types';

const ORG_PREDIKATS = ['ISTIMEWA', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
const PERIODIC = ['semester', 'quarterly', 'monthly'] as const;
const STAGE_ORDER = ['PLANNING', 'MIDYEAR', 'FINAL_SCORING', 'CALIBRATION', 'APPROVAL', 'OBJECTION', 'FOLLOW_UP'];

export function HrCyclesScreen({ me, path }: { me: Me; path: string }) {
  const { m, locale } = useApp();
  // Who-am-I again: it lists the agency's cycles of last, this and next year (fresh after one is created).
  const mine = useLoad(() => api<Me>('GET', `/v1/me?lang=${locale}`), []);
  const cycles = [...(mine.data?.cycles ?? me.cycles)].sort((a, b) => b.year - a.year);
  const newest = cycles[0];
  return (
    <HrConsole me={me} path={path} title={m.hr.titles.hrCycles}>
      <section aria-labelledby="cycles-title">
        <h2 id="cycles-title">{m.hrConsole.cycles.listTitle}</h2>
        {mine.loading && !mine.data ? (
          <Loading />
        ) : cycles.length ? (
          <ul class="tasks">
            {cycles.map((c) => (
              <li key={c.cycleId}>
                <Link href={`/hr/siklus/${c.cycleId}`}>{fill(m.hrConsole.cycles.cycleOf, { year: c.year })}</Link>
                <span class="meta">
                  {fill(m.hrConsole.cycles.stageNow, { stage: m.stages[c.stage] ?? c.stage })} ·{' '}
                  {fill(m.hrConsole.cycles.statusNow, { status: m.hrConsole.cycles.cycleStatus[c.status] ?? c.status })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{m.hrConsole.cycles.none}</p>
        )}
      </section>
      {newest && <NewestCycle key={newest.cycleId} cycleId={newest.cycleId} />}
      <CreateCycle onCreated={mine.reload} />
    </HrConsole>
  );
}

/** The newest cycle's schedule and organisation predikat. */
function NewestCycle({ cycleId }: { cycleId: string }) {
  const { m, locale } = useApp();
  const data = useLoad(
    () => Promise.all([api<CycleSummary>('GET', `/v1/cycles/${cycleId}`), api<StageProgress>('GET', `/v1/cycles/${cycleId}/progress`)]),
    [cycleId],
  );
  if (!data.data) return <Loading error={data.error} />;
  const [summary, progress] = data.data;
  const s = progress.schedule;
  return (
    <>
      <section aria-labelledby="schedule-title">
        <h2 id="schedule-title">{m.hrConsole.cycles.scheduleTitle}</h2>
        <p>{fill(m.hrConsole.cycles.scheduleLead, { year: summary.cycle.year, id: s.id, source: s.legalSource })}</p>
        <ol class="stages">
          {s.stages
            .slice()
            .sort((a, b) => STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage))
            .map((st) => (
              <li key={st.stage}>
                <strong>{m.stages[st.stage] ?? st.stage}</strong>:{' '}
                {st.opensAt ? fill(m.hrConsole.cycles.opensAt, { date: formatWib(st.opensAt, locale) }) : m.hrConsole.cycles.opensAfter};{' '}
                {st.fixedWindowDays ? `${fill(m.hrConsole.cycles.fixedWindow, { days: st.fixedWindowDays })}; ` : ''}
                {fill(m.hrConsole.cycles.windowText, { reminder: st.reminderDay, deadline: st.deadlineDay, last: st.lastDay })}.
              </li>
            ))}
        </ol>
        <p class="meta">{fill(m.hrConsole.cycles.periodicNow, { kind: m.hrConsole.cycles.periodicOptions[s.periodicEvaluation] ?? s.periodicEvaluation })}</p>
      </section>
      <OrgPredikat summary={summary} onSaved={data.reload} />
    </>
  );
}

function OrgPredikat({ summary, onSaved }: { summary: CycleSummary; onSaved: () => void }) {
  const { m, locale, flash } = useApp();
  const c = summary.cycle;
  const [value, setValue] = useState(c.orgPredikat ?? '');
  const [errors, setErrors] = useState<ShownErrors>();
  const [busy, setBusy] = useState(false);
  const fixed = STAGE_ORDER.indexOf(c.stage) >= STAGE_ORDER.indexOf('CALIBRATION') || c.status !== 'ACTIVE';
  const label = (p: string | undefined) => (p ? (m.hrConsole.orgPredikat[p] ?? p) : m.hrConsole.cycles.orgPredikatNone);
  return (
    <section aria-labelledby="org-title">
      <h2 id="org-title">{m.hrConsole.cycles.orgTitle}</h2>
      <p>{fill(m.hrConsole.cycles.orgNow, { year: c.year, predikat: label(c.orgPredikat) })}</p>
      {fixed ? (
        <p class="meta">{m.hrConsole.cycles.orgFixed}</p>
      ) : (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (!value) return;
            setBusy(true);
            setErrors(undefined);
            try {
              await api('PUT', `/v1/cycles/${c.cycleId}/organisation-predikat`, { orgPredikat: value });
              flash(fill(m.hrConsole.cycles.orgSaved, { predikat: label(value) }));
              onSaved();
            } catch (err) {
              setErrors(errorsOf(err, locale, m, ['orgPredikat']));
            } finally {
              setBusy(false);
            }
          }}
        >
          <ErrorSummary errors={errors} />
          <Field path="orgPredikat" label={m.hrConsole.cycles.orgPredikat} hint={m.hrConsole.cycles.orgPredikatHint} errors={errors}>
            {({ id, describedBy, invalid }) => (
              <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={value} onChange={(e) => setValue(e.currentTarget.value)}>
                <option value="">{m.hrConsole.cycles.orgPredikatNone}</option>
                {ORG_PREDIKATS.map((p) => (
                  <option key={p} value={p}>
                    {label(p)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" disabled={busy || !value}>
            {m.hrConsole.cycles.orgSave}
          </button>
        </form>
      )}
    </section>
  );
}

function CreateCycle({ onCreated }: { onCreated: () => void }) {
  const { m, locale, flash, navigate } = useApp();
  const [year, setYear] = useState('');
  const [org, setOrg] = useState('');
  const [periodic, setPeriodic] = useState('semester');
  const [errors, setErrors] = useState<ShownErrors>();
  const [busy, setBusy] = useState(false);
  return (
    <section aria-labelledby="create-title">
      <h2 id="create-title">{m.hrConsole.cycles.createTitle}</h2>
      <p>{m.hrConsole.cycles.createLead}</p>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (!/^\d{4}$/.test(year.trim())) {
            setErrors(localErrors({ year: m.hrConsole.cycles.yearNeeded }));
            return;
          }
          setBusy(true);
          setErrors(undefined);
          try {
            const y = Number(year.trim());
            const out = await api<{ cycleId: string; created: boolean }>('POST', '/v1/cycles', {
              year: y,
              ...(org ? { orgPredikat: org } : {}),
              ...(periodic !== 'semester' ? { periodicEvaluation: periodic } : {}),
            });
            onCreated();
            navigate(`/hr/siklus/${out.cycleId}`);
            flash(fill(out.created ? m.hrConsole.cycles.created : m.hrConsole.cycles.exists, { year: y }));
          } catch (err) {
            setErrors(errorsOf(err, locale, m, ['year', 'orgPredikat', 'periodicEvaluation']));
          } finally {
            setBusy(false);
          }
        }}
      >
        <ErrorSummary errors={errors} />
        <Field path="year" label={m.hrConsole.cycles.year} hint={m.hrConsole.cycles.yearHint} errors={errors}>
          {({ id, describedBy, invalid }) => (
            <input
              id={id}
              inputMode="numeric"
              autoComplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              value={year}
              onInput={(e) => setYear(e.currentTarget.value)}
            />
          )}
        </Field>
        <Field path="orgPredikat" label={m.hrConsole.cycles.orgPredikat} hint={m.hrConsole.cycles.orgPredikatHint} errors={errors}>
          {({ id, describedBy, invalid }) => (
            <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={org} onChange={(e) => setOrg(e.currentTarget.value)}>
              <option value="">{m.hrConsole.cycles.orgPredikatNone}</option>
              {ORG_PREDIKATS.map((p) => (
                <option key={p} value={p}>
                  {m.hrConsole.orgPredikat[p] ?? p}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path="periodicEvaluation" label={m.hrConsole.cycles.periodic} errors={errors}>
          {({ id, describedBy, invalid }) => (
            <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={periodic} onChange={(e) => setPeriodic(e.currentTarget.value)}>
              {PERIODIC.map((p) => (
                <option key={p} value={p}>
                  {m.hrConsole.cycles.periodicOptions[p]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {m.hrConsole.cycles.create}
        </button>
      </form>
    </section>
  );
}
