/**
 * /hr/siklus/{cycleId}: the cycle's stages with their progress, the workflow's status and any recorded
 * failure with "Lanjutkan" (resume); for the stage shown, its deadline in WIB and how many days past it,
 * done/pending per unit, who each unit waits on, and one click to remind a person or a whole unit (the
 * workflow's reminder email, once per person per day: a second click says it was already sent today).
 */
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { formatWib } from '../../format';
import { type Column, DataTable, Pager, useCursorPages } from '../../table';
import type { Me } from '../../types';
import { ErrorSummary, errorsOf, fill, Loading, useApp, useLoad } from '../../ui';
import { HrConsole } from './console';
import type { CycleSummary, ReminderResult, StageProgress } from './types';

type ShownErrors = ReturnType<typeof errorsOf>;
const FAILED = ['FAILED', 'TIMED_OUT', 'ABORTED'];

export function HrCycleScreen({ me, path, cycleId }: { me: Me; path: string; cycleId: string }) {
  const { m } = useApp();
  const summary = useLoad(() => api<CycleSummary>('GET', `/v1/cycles/${cycleId}`), [cycleId]);
  const [stage, setStage] = useState<string | undefined>();
  const [errors, setErrors] = useState<ShownErrors>();
  const s = summary.data;
  return (
    <HrConsole me={me} path={path} cycleId={cycleId} title={s ? `${m.hr.titles.hrCycle} ${s.cycle.year}` : m.hr.titles.hrCycle}>
      <ErrorSummary errors={errors} />
      {!s ? (
        <Loading error={summary.error} />
      ) : (
        <>
          <Workflow summary={s} onError={setErrors} onResumed={summary.reload} />
          <Stages summary={s} />
          <div class="field">
            <label for="stage-pick">{m.hrConsole.cycle.pick}</label>
            <select id="stage-pick" value={stage ?? s.cycle.stage} onChange={(e) => setStage(e.currentTarget.value)}>
              {s.stages.map((x) => (
                <option key={x.stage} value={x.stage}>
                  {m.stages[x.stage] ?? x.stage}
                </option>
              ))}
            </select>
          </div>
          <StageUnits key={stage ?? s.cycle.stage} cycleId={cycleId} stage={stage ?? s.cycle.stage} onError={setErrors} />
        </>
      )}
    </HrConsole>
  );
}

function Workflow({ summary, onError, onResumed }: { summary: CycleSummary; onError: (e: ShownErrors) => void; onResumed: () => void }) {
  const { m, locale, flash } = useApp();
  const [busy, setBusy] = useState(false);
  const { cycle, workflow } = summary;
  const failed = Boolean(cycle.failure) || (workflow !== null && FAILED.includes(workflow.status) && cycle.status === 'ACTIVE');
  return (
    <section aria-labelledby="workflow-title">
      <h2 id="workflow-title">{m.hrConsole.cycle.workflowTitle}</h2>
      <p>
        {fill(m.hrConsole.cycles.statusNow, { status: m.hrConsole.cycles.cycleStatus[cycle.status] ?? cycle.status })} ·{' '}
        {fill(m.hrConsole.cycles.stageNow, { stage: m.stages[cycle.stage] ?? cycle.stage })}
      </p>
      <p class="meta">
        {workflow
          ? fill(m.hrConsole.cycle.workflowStatus, { status: m.hrConsole.cycle.workflowStatuses[workflow.status] ?? workflow.status })
          : m.hrConsole.cycle.noWorkflow}
      </p>
      {failed && (
        <div class="warning" role="alert">
          <p>
            {fill(m.hrConsole.cycle.failure, {
              stage: m.stages[cycle.failure?.stage ?? cycle.stage] ?? cycle.stage,
              at: formatWib(cycle.failure?.at, locale),
              error: cycle.failure?.error ?? workflow?.error ?? workflow?.status ?? '',
            })}
          </p>
          {(cycle.failure?.cause ?? workflow?.cause) && (
            <p class="meta">{fill(m.hrConsole.cycle.cause, { cause: cycle.failure?.cause ?? workflow?.cause ?? '' })}</p>
          )}
          <p class="hint">{m.hrConsole.cycle.resumeHint}</p>
          <button
            type="button"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                const out = await api<{ stage?: string }>('POST', `/v1/cycles/${cycle.cycleId}/resume`);
                flash(fill(m.hrConsole.cycle.resumed, { stage: m.stages[out?.stage ?? cycle.stage] ?? cycle.stage }));
                onResumed();
              } catch (err) {
                onError(errorsOf(err, locale, m));
              } finally {
                setBusy(false);
              }
            }}
          >
            {m.hrConsole.cycle.resume}
          </button>
        </div>
      )}
    </section>
  );
}

function Stages({ summary }: { summary: CycleSummary }) {
  const { m, locale } = useApp();
  return (
    <section aria-labelledby="stages-title">
      <h2 id="stages-title">{m.hrConsole.cycle.stagesTitle}</h2>
      <ol class="stages">
        {summary.stages.map((x) => {
          const current = x.stage === summary.cycle.stage && summary.cycle.status === 'ACTIVE';
          return (
            <li key={x.stage} class={current ? 'current' : undefined} aria-current={current ? 'step' : undefined}>
              {m.stages[x.stage] ?? x.stage}
              {current ? ` (${m.hrConsole.cycle.current})` : ''}
              {x.openedAt && (
                <span class="meta">
                  {fill(m.hrConsole.cycle.stageLine, { done: x.done, total: x.total })} ·{' '}
                  {fill(m.hrConsole.cycle.stageOpened, { date: formatWib(x.openedAt, locale) })}
                  {x.closedAt ? ` · ${fill(m.hrConsole.cycle.stageClosed, { date: formatWib(x.closedAt, locale) })}` : ''}
                </span>
              )}
              {x.total > 0 && <progress max={x.total} value={x.done} aria-label={`${m.stages[x.stage] ?? x.stage}: ${x.done}/${x.total}`} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

type UnitRow = StageProgress['units'][number];

function StageUnits({ cycleId, stage, onError }: { cycleId: string; stage: string; onError: (e: ShownErrors) => void }) {
  const { m, locale, flash } = useApp();
  const progress = useLoad(() => api<StageProgress>('GET', `/v1/cycles/${cycleId}/progress?stage=${stage}`), [cycleId, stage]);
  const [open, setOpen] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const p = progress.data;
  if (!p) return <Loading error={progress.error} />;

  async function remind(target: { nip: string } | { unitId: string }) {
    setBusy(true);
    onError(undefined);
    try {
      const out = await api<ReminderResult>('POST', `/v1/cycles/${cycleId}/reminders`, target);
      const names = (xs: { name: string }[]) => xs.map((x) => x.name).join(', ');
      const parts = [
        out.sent.length ? fill(m.hrConsole.cycle.reminded, { names: names(out.sent) }) : '',
        out.alreadySent.length ? fill(m.hrConsole.cycle.alreadyReminded, { names: names(out.alreadySent) }) : '',
      ].filter(Boolean);
      flash(parts.join(' '));
    } catch (err) {
      onError(errorsOf(err, locale, m));
    } finally {
      setBusy(false);
    }
  }

  const canRemind = p.current && p.units.some((u) => u.pending > 0);
  const columns: Column<UnitRow>[] = [
    { label: m.hrConsole.cycle.unit, cell: (u) => u.name },
    { label: m.hrConsole.cycle.employees, cell: (u) => u.employees, numeric: true },
    { label: m.hrConsole.cycle.done, cell: (u) => u.done, numeric: true },
    { label: m.hrConsole.cycle.pending, cell: (u) => (u.pending ? <strong>{u.pending}</strong> : 0), numeric: true },
    {
      label: m.hrConsole.cycle.actions,
      cell: (u) =>
        u.pending > 0 ? (
          <div class="actions">
            <button type="button" class="secondary" aria-expanded={open === u.unitId} onClick={() => setOpen(open === u.unitId ? undefined : u.unitId)}>
              {open === u.unitId ? m.hrConsole.cycle.hide : m.hrConsole.cycle.show}
              <span class="visually-hidden"> · {u.name}</span>
            </button>
            {canRemind && (
              <button
                type="button"
                disabled={busy}
                aria-label={fill(m.hrConsole.cycle.remindUnitLabel, { unit: u.name })}
                onClick={() => remind({ unitId: u.unitId })}
              >
                {m.hrConsole.cycle.remindUnit}
              </button>
            )}
          </div>
        ) : (
          '—'
        ),
    },
  ];
  const unitName = (id: string) => p.units.find((u) => u.unitId === id)?.name ?? id;
  return (
    <section aria-labelledby="units-title">
      <h2 id="units-title">{m.stages[p.stage] ?? p.stage}</h2>
      <p>{p.deadline ? fill(m.hrConsole.cycle.deadline, { date: formatWib(p.deadline, locale) }) : m.hrConsole.cycle.noDeadline}</p>
      {p.deadline &&
        (p.daysLate > 0 ? <p class="late">{fill(m.hrConsole.cycle.late, { days: p.daysLate })}</p> : <p class="meta">{m.hrConsole.cycle.onTime}</p>)}
      <h3>{m.hrConsole.cycle.unitsTitle}</h3>
      <DataTable
        caption={fill(m.hrConsole.cycle.unitsCaption, { stage: m.stages[p.stage] ?? p.stage })}
        columns={columns}
        rows={p.units}
        rowKey={(u) => u.unitId}
        empty={m.hrConsole.cycle.noUnits}
      />
      {open && (
        <Waiting
          key={open}
          cycleId={cycleId}
          stage={p.stage}
          unitId={open}
          unitName={unitName(open)}
          daysLate={p.daysLate}
          canRemind={p.current}
          busy={busy}
          onRemind={(nip) => remind({ nip })}
        />
      )}
    </section>
  );
}

function Waiting(props: {
  cycleId: string;
  stage: string;
  unitId: string;
  unitName: string;
  daysLate: number;
  canRemind: boolean;
  busy: boolean;
  onRemind: (nip: string) => void;
}) {
  const { m } = useApp();
  const pages = useCursorPages();
  const q = `stage=${props.stage}&unitId=${encodeURIComponent(props.unitId)}&limit=20${pages.cursor ? `&cursor=${encodeURIComponent(pages.cursor)}` : ''}`;
  const data = useLoad(() => api<StageProgress>('GET', `/v1/cycles/${props.cycleId}/progress?${q}`), [q]);
  const w = data.data?.waiting;
  const title = fill(m.hrConsole.cycle.waitingTitle, { unit: props.unitName });
  return (
    <section aria-labelledby="waiting-title" class="card">
      <h3 id="waiting-title">{title}</h3>
      {!w ? (
        <Loading error={data.error} />
      ) : w.items.length === 0 ? (
        <p>{m.hrConsole.cycle.nobodyWaits}</p>
      ) : (
        <ul class="waiting">
          {w.items.map((e) => (
            <li key={e.nip}>
              <strong>{e.name}</strong>{' '}
              <span class="meta">
                NIP {e.nip} · {e.jabatan}
              </span>
              <span class="meta">
                {m.status[e.status] ?? e.status}
                {e.waitsOn ? ` · ${fill(m.hrConsole.cycle.waitingFor, { name: e.waitsOn.name })}` : ''}
              </span>
              {props.daysLate > 0 && <span class="late">{fill(m.hrConsole.cycle.late, { days: props.daysLate })}</span>}
              {props.canRemind && e.waitsOn && (
                <div>
                  <button type="button" class="secondary" disabled={props.busy} onClick={() => props.onRemind(e.waitsOn!.nip)}>
                    {fill(m.hrConsole.cycle.remindLabel, { name: e.waitsOn.name })}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager label={title} page={pages.page} next={w?.next} onNext={pages.next} onPrevious={pages.previous} />
    </section>
  );
}
