/**
 * /hr/siklus/{cycleId}/evaluasi: HR's evaluation list with every filter, order and page size of
 * GET /v1/cycles/{cycleId}/evaluations (unit with or without sub-units, status, stage, predikat, rater,
 * order, limit; signed cursors for the pages), the CSV export and the cycle report — both fetched with the
 * session's token and handed to the browser (web/src/download.ts), no token pasted anywhere.
 * /hr/siklus/{cycleId}/evaluasi/{nip}: one evaluation with its audit trail.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api';
import { downloadFile, openHtmlPage } from '../../download';
import { formatWib } from '../../format';
import { localErrors, type ShownErrors } from '../../problem';
import { type Column, DataTable, Pager, useCursorPages } from '../../table';
import type { Evaluation, Me } from '../../types';
import { ErrorSummary, errorsOf, Field, fill, Link, Loading, useApp, useLoad } from '../../ui';
import { HrConsole } from './console';
import type { CycleSummary } from './types';

const STAGES = ['PLANNING', 'MIDYEAR', 'FINAL_SCORING', 'APPROVAL', 'OBJECTION'];
const PREDIKATS = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];
const LIMITS = ['25', '50', '100', '200'];

interface Filters {
  unitId: string;
  includeSubunits: boolean;
  status: string;
  stage: string;
  predikat: string;
  rater: string;
  order: 'asc' | 'desc';
  limit: string;
}
type Row = Evaluation & { unitId?: string; predikat?: string | null };

/** The list's query string (only what is set), as the API's EvaluationListQuery reads it. */
export function listQuery(f: Filters, cursor?: string): string {
  const q = new URLSearchParams();
  if (f.unitId) q.set('unitId', f.unitId);
  if (f.unitId && f.includeSubunits) q.set('includeSubunits', 'true');
  if (f.status) q.set('status', f.status);
  if (f.stage) q.set('stage', f.stage);
  if (f.predikat) q.set('predikat', f.predikat);
  if (f.rater.trim()) q.set('rater', f.rater.trim());
  q.set('order', f.order);
  q.set('limit', f.limit);
  if (cursor) q.set('cursor', cursor);
  return q.toString();
}

export function HrEvaluationsScreen({ me, path, cycleId }: { me: Me; path: string; cycleId: string }) {
  const { m } = useApp();
  const summary = useLoad(() => api<CycleSummary>('GET', `/v1/cycles/${cycleId}`), [cycleId]);
  return (
    <HrConsole me={me} path={path} cycleId={cycleId} title={m.hr.titles.hrEvaluations}>
      <Downloads cycleId={cycleId} />
      {summary.data ? <EvaluationList key={cycleId} cycleId={cycleId} summary={summary.data} /> : <Loading error={summary.error} />}
    </HrConsole>
  );
}

function Downloads({ cycleId }: { cycleId: string }) {
  const { m, locale, flash } = useApp();
  const [errors, setErrors] = useState<ShownErrors>();
  const [busy, setBusy] = useState(false);
  return (
    <section aria-labelledby="downloads-title">
      <h2 id="downloads-title">{m.hrConsole.evaluations.downloadsTitle}</h2>
      <ErrorSummary errors={errors} />
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setErrors(undefined);
            try {
              const name = await downloadFile(`/v1/cycles/${cycleId}/export.csv?lang=${locale}`, `${cycleId}.csv`);
              flash(fill(m.hrConsole.evaluations.csvDone, { name }));
            } catch (err) {
              setErrors(errorsOf(err, locale, m));
            } finally {
              setBusy(false);
            }
          }}
        >
          {m.hrConsole.evaluations.csv}
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setErrors(undefined);
            // Opened within the click (no pop-up blocker), filled when the report is in.
            openHtmlPage(`/v1/cycles/${cycleId}/report?lang=${locale}`, m.hrConsole.evaluations.reportLoading).then(
              (opened) =>
                opened ? flash(m.hrConsole.evaluations.reportOpened) : setErrors({ summary: [{ text: m.hrConsole.evaluations.popupBlocked }], byField: {} }),
              (err) => setErrors(errorsOf(err, locale, m)),
            );
          }}
        >
          {m.hrConsole.evaluations.report}
        </button>
      </div>
    </section>
  );
}

function EvaluationList({ cycleId, summary }: { cycleId: string; summary: CycleSummary }) {
  const { m, locale } = useApp();
  const units = summary.units;
  const initial: Filters = {
    unitId: units[0]?.unitId ?? '',
    includeSubunits: false,
    status: '',
    stage: '',
    predikat: '',
    rater: '',
    order: 'asc',
    limit: '50',
  };
  const [form, setForm] = useState<Filters>(initial);
  const [applied, setApplied] = useState<Filters>(initial);
  const [errors, setErrors] = useState<ShownErrors>();
  const pages = useCursorPages();
  const q = listQuery(applied, pages.cursor);
  const ready = Boolean(applied.unitId || applied.rater.trim());
  const list = useLoad(
    () => (ready ? api<{ items: Row[]; next: string | null }>('GET', `/v1/cycles/${cycleId}/evaluations?${q}`) : Promise.resolve(undefined)),
    [q],
  );
  const set = <K extends keyof Filters>(k: K, v: Filters[K]) => setForm((f) => ({ ...f, [k]: v }));
  const unitName = (id: string | undefined) => units.find((u) => u.unitId === id)?.name ?? id ?? '—';
  const shownErrors = errors ?? (list.error ? errorsOf(list.error, locale, m, ['unitId', 'rater', 'status', 'stage', 'predikat']) : undefined);
  const columns: Column<Row>[] = [
    { label: m.hrConsole.evaluations.name, cell: (e) => <Link href={`/hr/siklus/${cycleId}/evaluasi/${e.nip}`}>{e.name}</Link> },
    { label: m.hrConsole.evaluations.nip, cell: (e) => e.nip },
    { label: m.hrConsole.evaluations.jabatan, cell: (e) => e.jabatan },
    { label: m.hrConsole.evaluations.unit, cell: (e) => unitName(e.unitId) },
    { label: m.hrConsole.evaluations.status, cell: (e) => m.status[e.status] ?? e.status },
    { label: m.hrConsole.evaluations.predikat, cell: (e) => (e.predikat ? (m.predikat[e.predikat] ?? e.predikat) : '—') },
  ];
  const select = (key: 'status' | 'stage' | 'predikat', label: string, options: string[], text: (v: string) => string) => (
    <Field path={key} label={label} errors={shownErrors}>
      {({ id, describedBy, invalid }) => (
        <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={form[key]} onChange={(e) => set(key, e.currentTarget.value)}>
          <option value="">{m.hrConsole.evaluations.any}</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {text(o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <section aria-labelledby="list-title">
      <h2 id="list-title">{m.hrConsole.evaluations.filtersTitle}</h2>
      <form
        class="filters"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.unitId && !form.rater.trim()) {
            setErrors(localErrors({ unitId: m.hrConsole.evaluations.needUnitOrRater }));
            return;
          }
          setErrors(undefined);
          pages.reset();
          setApplied(form);
        }}
      >
        <ErrorSummary errors={shownErrors} />
        <div class="row">
          <Field path="unitId" label={m.hrConsole.evaluations.unit} errors={shownErrors}>
            {({ id, describedBy, invalid }) => (
              <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={form.unitId} onChange={(e) => set('unitId', e.currentTarget.value)}>
                <option value="">{m.hrConsole.evaluations.anyUnit}</option>
                {units.map((u) => (
                  <option key={u.unitId} value={u.unitId}>
                    {u.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {select('status', m.hrConsole.evaluations.status, Object.keys(m.status), (s) => m.status[s] ?? s)}
          {select('stage', m.hrConsole.evaluations.stage, STAGES, (s) => m.stages[s] ?? s)}
          {select('predikat', m.hrConsole.evaluations.predikat, PREDIKATS, (s) => m.predikat[s] ?? s)}
          <Field path="rater" label={m.hrConsole.evaluations.rater} hint={m.hrConsole.evaluations.raterHint} errors={shownErrors}>
            {({ id, describedBy, invalid }) => (
              <input
                id={id}
                inputMode="numeric"
                autoComplete="off"
                aria-describedby={describedBy}
                aria-invalid={invalid}
                value={form.rater}
                onInput={(e) => set('rater', e.currentTarget.value)}
              />
            )}
          </Field>
          <Field path="order" label={m.hrConsole.evaluations.order}>
            {({ id }) => (
              <select id={id} value={form.order} onChange={(e) => set('order', e.currentTarget.value as 'asc' | 'desc')}>
                <option value="asc">{m.hrConsole.evaluations.orderAsc}</option>
                <option value="desc">{m.hrConsole.evaluations.orderDesc}</option>
              </select>
            )}
          </Field>
          <Field path="limit" label={m.hrConsole.evaluations.limit}>
            {({ id }) => (
              <select id={id} value={form.limit} onChange={(e) => set('limit', e.currentTarget.value)}>
                {LIMITS.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <label class="choice">
          <input type="checkbox" checked={form.includeSubunits} disabled={!form.unitId} onChange={(e) => set('includeSubunits', e.currentTarget.checked)} />
          {m.hrConsole.evaluations.includeSubunits}
        </label>
        <button type="submit">{m.hrConsole.evaluations.apply}</button>
      </form>
      {ready && (list.loading && !list.data ? <Loading /> : null)}
      {list.data && (
        <>
          <DataTable
            caption={m.hrConsole.evaluations.caption}
            columns={columns}
            rows={list.data.items}
            rowKey={(e) => e.nip}
            empty={m.hrConsole.evaluations.none}
          />
          <Pager label={m.hrConsole.evaluations.caption} page={pages.page} next={list.data.next} onNext={pages.next} onPrevious={pages.previous} />
        </>
      )}
    </section>
  );
}

interface AuditEvent {
  eventId: string;
  at: string;
  actor: { nip?: string; role: string; name?: string; onBehalfOf?: string };
  action: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  reason?: string;
}
interface HrEvaluationView {
  reader: string;
  evaluation: Row & { approverNip?: string };
  audit: AuditEvent[];
}

export function HrEvaluationScreen({ me, path, cycleId, nip }: { me: Me; path: string; cycleId: string; nip: string }) {
  const { m, locale } = useApp();
  const data = useLoad(() => api<HrEvaluationView>('GET', `/v1/cycles/${cycleId}/evaluations/${nip}`), [cycleId, nip]);
  const e = data.data?.evaluation;
  const ev = m.hrConsole.evaluations;
  const statusOf = (x: unknown) => (typeof x === 'string' ? (m.status[x] ?? x) : undefined);
  return (
    <HrConsole me={me} path={path} cycleId={cycleId} title={e ? fill(ev.detailTitle, { name: e.name }) : m.hr.titles.hrEvaluation}>
      <p>
        <Link href={`/hr/siklus/${cycleId}/evaluasi`}>{ev.back}</Link>
      </p>
      {!data.data || !e ? (
        <Loading error={data.error} />
      ) : (
        <>
          <dl class="result">
            <dt>{ev.nip}</dt>
            <dd>{e.nip}</dd>
            <dt>{ev.jabatan}</dt>
            <dd>{e.jabatan}</dd>
            <dt>{ev.status}</dt>
            <dd>{m.status[e.status] ?? e.status}</dd>
            <dt>{ev.predikat}</dt>
            <dd>{e.predikat ? (m.predikat[e.predikat] ?? e.predikat) : '—'}</dd>
            {e.raterNip && (
              <>
                <dt>{ev.raterOf}</dt>
                <dd>{e.raterNip}</dd>
              </>
            )}
            {e.approverNip && (
              <>
                <dt>{ev.approverOf}</dt>
                <dd>{e.approverNip}</dd>
              </>
            )}
            {e.score?.resultsRating && (
              <>
                <dt>{ev.ratings}</dt>
                <dd>
                  {fill(ev.results, { rating: m.rating[e.score.resultsRating] ?? e.score.resultsRating })}
                  {e.score.behaviour?.final ? ` · ${fill(ev.behaviour, { rating: m.rating[e.score.behaviour.final] ?? e.score.behaviour.final })}` : ''}
                </dd>
              </>
            )}
          </dl>
          {e.objection && <p>{fill(ev.objection, { reason: e.objection.reason })}</p>}
          {e.skp && (
            <section aria-labelledby="skp-title">
              <h2 id="skp-title">{ev.skp}</h2>
              <ol class="skp-view">
                {e.skp.rhk.map((r) => (
                  <li key={r.id}>
                    {r.description}
                    <ul>
                      {r.indicators.map((i) => (
                        <li key={i.id}>{i.description}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </section>
          )}
          <section aria-labelledby="audit-title">
            <h2 id="audit-title">{ev.auditTitle}</h2>
            {data.data.audit.length === 0 ? (
              <p>{ev.auditEmpty}</p>
            ) : (
              <ol class="tasks">
                {[...data.data.audit]
                  .sort((a, b) => a.at.localeCompare(b.at))
                  .map((a) => {
                    const from = statusOf(a.before?.status);
                    const to = statusOf(a.after?.status);
                    const who = [a.actor.name ?? a.actor.nip, ev.roles[a.actor.role] ?? a.actor.role].filter(Boolean).join(', ');
                    return (
                      <li key={a.eventId}>
                        <strong>{ev.actions[a.action] ?? a.action}</strong>
                        <span class="meta">
                          {formatWib(a.at, locale)} · {fill(ev.auditBy, { who })}
                          {from || to ? ` · ${fill(ev.auditChange, { from: from ?? '—', to: to ?? '—' })}` : ''}
                        </span>
                        {a.reason && <span class="meta">{fill(ev.auditReason, { reason: a.reason })}</span>}
                      </li>
                    );
                  })}
              </ol>
            )}
          </section>
        </>
      )}
    </HrConsole>
  );
}
