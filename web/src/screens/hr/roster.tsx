/**
 * HR console · Data pegawai (/hr/pegawai): the roster CSV checked row by row before it is imported (the
 * preview route writes nothing; a file with bad rows can be sent again without them), and the mid-cycle
 * changes — mutasi, a rater's hand-over, a new employee, Plt/Plh — with people picked by name.
 */
import { useMemo, useState } from 'preact/hooks';
import { api } from '../../api';
import { localErrors, type ShownErrors } from '../../problem';
import type { Me } from '../../types';
import { ErrorSummary, errorsOf, Field, fill, Loading, TextAreaField, useApp, useLoad } from '../../ui';
import { HrConsole } from './console';
import { fold, loadRoster, loadUnits, type Person, send, type Unit, withoutRows } from './roster-api';

interface PreviewRow {
  line: number;
  endLine: number;
  status: 'NEW' | 'CHANGED' | 'UNCHANGED' | 'ERROR';
  nip?: string;
  name?: string;
  unitId?: string;
  jabatan?: string;
  changed?: string[];
  errors?: { field?: string; id: string; en: string }[];
}
interface Counts {
  total: number;
  new: number;
  changed: number;
  unchanged: number;
}
interface Preview {
  valid: boolean;
  employees: Counts;
  units: Counts;
  errorRows: number;
  rows: PreviewRow[];
  rowsTotal: number;
  fileErrors: { line: number; field?: string; id: string; en: string }[];
  newUnits: { unitId: string; name: string }[];
}

export function HrRosterScreen({ me, path }: { me: Me; path: string }) {
  const { m } = useApp();
  const { data, error, reload } = useLoad(() => Promise.all([loadRoster(), loadUnits()]), []);
  const cycles = me.cycles.filter((c) => c.status !== 'COMPLETED');
  const [cycleId, setCycleId] = useState(cycles[0]?.cycleId ?? me.cycles[0]?.cycleId ?? '');
  return (
    <HrConsole me={me} path={path} title={m.hr.titles.hrRoster}>
      <p class="lead">{m.hrRoster.roster.lead}</p>
      <ImportCard onImported={reload} />
      {!data && <Loading error={error} />}
      {data && (
        <>
          <h2>{m.hrRoster.roster.changesTitle}</h2>
          {me.cycles.length === 0 ? (
            <p>{m.hrRoster.roster.noCycle}</p>
          ) : (
            <div class="field">
              <label for="f-cycle">{m.hrRoster.roster.cycle}</label>
              <select id="f-cycle" value={cycleId} onChange={(e) => setCycleId(e.currentTarget.value)}>
                {me.cycles.map((c) => (
                  <option key={c.cycleId} value={c.cycleId}>
                    {fill(m.hrRoster.roster.cycleOption, { year: c.year, id: c.cycleId })}
                  </option>
                ))}
              </select>
            </div>
          )}
          {cycleId && (
            <>
              <TransferCard cycleId={cycleId} people={data[0]} units={data[1]} me={me} onDone={reload} />
              <HandoverCard cycleId={cycleId} people={data[0]} me={me} onDone={reload} />
              <JoinCard cycleId={cycleId} people={data[0]} units={data[1]} onDone={reload} />
            </>
          )}
          <DelegationCard people={data[0]} />
        </>
      )}
    </HrConsole>
  );
}

// ─── the CSV import with its preview ─────────────────────────────────────────────────────────────

function ImportCard({ onImported }: { onImported: () => void }) {
  const { m, locale, flash } = useApp();
  const t = m.hrRoster.roster;
  const [text, setText] = useState<string | undefined>();
  const [fileName, setFileName] = useState('');
  const [skipped, setSkipped] = useState<number[]>([]);
  const [preview, setPreview] = useState<Preview | undefined>();
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const say = (e: { id: string; en: string }) => (locale === 'en' ? e.en : e.id);

  async function check(csv: string) {
    setBusy(true);
    setErrors(undefined);
    try {
      const p = await send<Preview>('POST', '/v1/roster/import/preview', { text: csv, type: 'text/csv' });
      setPreview(p);
      if (p.fileErrors.length) setErrors({ summary: p.fileErrors.map((e) => ({ text: fill(t.lineError, { line: e.line, text: say(e) }) })), byField: {} });
    } catch (err) {
      setErrors(errorsOf(err, locale, m));
    } finally {
      setBusy(false);
    }
  }
  async function onFile(file: File | undefined) {
    setPreview(undefined);
    setSkipped([]);
    flash(undefined);
    if (!file) return setText(undefined);
    setFileName(file.name);
    const csv = await file.text();
    setText(csv);
  }
  async function skipBadRows() {
    if (!text || !preview) return;
    const bad = preview.rows.filter((r) => r.status === 'ERROR');
    const next = withoutRows(text, bad);
    setSkipped([...skipped, ...bad.map((r) => r.line)]);
    setText(next);
    await check(next);
  }
  async function importNow() {
    if (!text) return;
    setBusy(true);
    try {
      const r = await send<{ employees: number; units: number }>('POST', '/v1/roster/import', { text, type: 'text/csv' });
      flash(fill(t.imported, { employees: r.employees, units: r.units }));
      setPreview(undefined);
      setText(undefined);
      setSkipped([]);
      onImported();
    } catch (err) {
      setErrors(errorsOf(err, locale, m));
    } finally {
      setBusy(false);
    }
  }

  const bad = preview?.rows.filter((r) => r.status === 'ERROR') ?? [];
  const good = preview?.rows.filter((r) => r.status !== 'ERROR') ?? [];
  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t.importTitle}</h2>
      <p>{t.importLead}</p>
      <details>
        <summary>{t.columnsTitle}</summary>
        <p class="hint">{t.columns}</p>
        <p class="hint">{t.columnsOptional}</p>
      </details>
      <ErrorSummary errors={errors} />
      <div class="field">
        <label for="f-roster-file">{t.file}</label>
        <p class="hint" id="f-roster-file-hint">
          {t.fileHint}
        </p>
        <input
          id="f-roster-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-describedby="f-roster-file-hint"
          onChange={(e) => onFile(e.currentTarget.files?.[0])}
        />
      </div>
      <div class="actions">
        <button type="button" disabled={!text || busy} onClick={() => text && check(text)}>
          {t.check}
        </button>
      </div>
      {preview && (
        <div id="roster-preview" aria-live="polite">
          <h3>{fill(t.previewTitle, { file: fileName })}</h3>
          {skipped.length > 0 && <p class="warning">{fill(t.skipped, { lines: skipped.join(', ') })}</p>}
          <ul>
            <li>
              {fill(t.countEmployees, {
                total: preview.employees.total,
                new: preview.employees.new,
                changed: preview.employees.changed,
                unchanged: preview.employees.unchanged,
              })}
            </li>
            <li>{fill(t.countUnits, { total: preview.units.total, new: preview.units.new, changed: preview.units.changed })}</li>
            {preview.errorRows > 0 && <li class="error">{fill(t.countErrors, { n: preview.errorRows })}</li>}
          </ul>
          {bad.length > 0 && (
            <>
              <h4>{t.badRows}</h4>
              <ul class="row-errors">
                {bad.map((r) => (
                  <li key={r.line} class="card field-error" id={`row-${r.line}`}>
                    <strong>
                      {fill(t.rowLine, { line: r.line })}
                      {r.name ? ` · ${r.name}` : ''}
                      {r.nip ? ` · NIP ${r.nip}` : ''}
                    </strong>
                    <ul>
                      {(r.errors ?? []).map((e) => (
                        <li key={e.id} class="error">
                          {say(e)}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </>
          )}
          {good.length > 0 && (
            <details>
              <summary>{fill(t.goodRows, { n: preview.employees.total })}</summary>
              <ul>
                {good.map((r) => (
                  <li key={r.line}>
                    {fill(t.rowLine, { line: r.line })} · {r.name} · {r.jabatan} · {t.status[r.status]}
                    {r.changed?.length ? ` (${r.changed.join(', ')})` : ''}
                  </li>
                ))}
              </ul>
            </details>
          )}
          {preview.newUnits.length > 0 && (
            <p class="meta">
              {t.newUnits}: {preview.newUnits.map((u) => u.name).join(', ')}
            </p>
          )}
          <div class="actions">
            {preview.valid && (
              <button type="button" disabled={busy} onClick={importNow}>
                {fill(t.importNow, { n: preview.employees.total })}
              </button>
            )}
            {!preview.valid && bad.length > 0 && preview.employees.total > 0 && preview.fileErrors.length === 0 && (
              <button type="button" class="secondary" disabled={busy} onClick={skipBadRows}>
                {fill(t.skipBad, { n: bad.length })}
              </button>
            )}
          </div>
          {!preview.valid && <p class="hint">{t.allOrNothing}</p>}
        </div>
      )}
    </section>
  );
}

// ─── people picked by name ───────────────────────────────────────────────────────────────────────

function PersonPicker(props: {
  path: string;
  label: string;
  hint?: string;
  people: Person[];
  units: Map<string, string>;
  value: string;
  onChange: (nip: string) => void;
  errors: ShownErrors | undefined;
  only?: (p: Person) => boolean;
}) {
  const { m } = useApp();
  const [q, setQ] = useState('');
  const matches = useMemo(() => {
    const words = fold(q).split(/\s+/).filter(Boolean);
    return props.people
      .filter((p) => (props.only ? props.only(p) : true))
      .filter((p) => words.every((w) => fold(p.name).includes(w) || p.nip.includes(w)))
      .slice(0, 200);
  }, [q, props.people, props.only]);
  const chosen = props.people.find((p) => p.nip === props.value);
  return (
    <Field path={props.path} label={props.label} {...(props.hint ? { hint: props.hint } : {})} errors={props.errors}>
      {(a) => (
        <div class="picker">
          <input
            id={`${a.id}-q`}
            type="search"
            aria-label={fill(m.hrRoster.roster.searchFor, { label: props.label })}
            placeholder={m.hrRoster.roster.searchPlaceholder}
            value={q}
            onInput={(e) => setQ(e.currentTarget.value)}
          />
          <select
            id={a.id}
            aria-describedby={a.describedBy}
            aria-invalid={a.invalid}
            value={props.value}
            onChange={(e) => props.onChange(e.currentTarget.value)}
          >
            <option value="">{m.hrRoster.roster.choose}</option>
            {chosen && !matches.includes(chosen) && <option value={chosen.nip}>{label(chosen, props.units)}</option>}
            {matches.map((p) => (
              <option key={p.nip} value={p.nip}>
                {label(p, props.units)}
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
}
const label = (p: Person, units: Map<string, string>) => `${p.name} — ${p.jabatan}${p.external ? '' : ` · ${units.get(p.unitId) ?? p.unitId}`}`;

/** A problem's field names as this form's field paths (`raterNip` → `transfer.raterNip`). */
function scoped(err: unknown, prefix: string, fields: string[], ctx: ReturnType<typeof useApp>): ShownErrors | undefined {
  const shown = errorsOf(err, ctx.locale, ctx.m, fields);
  if (!shown) return shown;
  const byField = Object.fromEntries(Object.entries(shown.byField).map(([k, v]) => [`${prefix}.${k}`, v]));
  return { byField, summary: shown.summary.map((s) => ({ ...s, ...(s.field ? { field: `${prefix}.${s.field}` } : {}) })) };
}

function useForm(prefix: string) {
  const ctx = useApp();
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  const [busy, setBusy] = useState(false);
  async function run(check: () => Record<string, string>, act: () => Promise<string>, fields: string[], onDone: () => void) {
    const local = check();
    if (Object.keys(local).length) return setErrors(localErrors(Object.fromEntries(Object.entries(local).map(([k, v]) => [`${prefix}.${k}`, v]))));
    setBusy(true);
    ctx.flash(undefined);
    try {
      const text = await act();
      setErrors(undefined);
      ctx.flash(text);
      onDone();
    } catch (err) {
      setErrors(scoped(err, prefix, fields, ctx));
    } finally {
      setBusy(false);
    }
  }
  return { errors, busy, run };
}

function ReasonField({ path, value, onInput, errors }: { path: string; value: string; onInput: (v: string) => void; errors: ShownErrors | undefined }) {
  const { m } = useApp();
  return (
    <TextAreaField
      path={path}
      label={m.hrRoster.roster.reason}
      hint={m.hrRoster.roster.reasonHint}
      errors={errors}
      rows={2}
      value={value}
      onValue={(value) => onInput(value)}
    />
  );
}

function UnitSelect(props: {
  path: string;
  label: string;
  units: Unit[];
  value: string;
  onChange: (v: string) => void;
  errors: ShownErrors | undefined;
  optional?: string;
}) {
  const { m } = useApp();
  return (
    <Field path={props.path} label={props.label} errors={props.errors}>
      {(a) => (
        <select id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
          <option value="">{props.optional ?? m.hrRoster.roster.choose}</option>
          {props.units.map((u) => (
            <option key={u.unitId} value={u.unitId}>
              {u.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

// ─── mutasi, hand-over, joiner, Plt/Plh ─────────────────────────────────────────────────────────

function TransferCard({ cycleId, people, units, me, onDone }: { cycleId: string; people: Person[]; units: Unit[]; me: Me; onDone: () => void }) {
  const { m } = useApp();
  const t = m.hrRoster.roster;
  const unitNames = useMemo(() => new Map(units.map((u) => [u.unitId, u.name])), [units]);
  const [nip, setNip] = useState('');
  const [unitId, setUnitId] = useState('');
  const [raterNip, setRaterNip] = useState('');
  const [reason, setReason] = useState('');
  const f = useForm('transfer');
  const staff = (p: Person) => !p.external && p.nip !== me.nip;
  const submit = () =>
    f.run(
      () => ({
        ...(nip ? {} : { nip: t.required }),
        ...(raterNip ? {} : { raterNip: t.required }),
        ...(raterNip && raterNip === nip ? { raterNip: t.notSelf } : {}),
        ...(reason.trim() ? {} : { reason: m.errors.reasonRequired }),
      }),
      async () => {
        await api('POST', `/v1/cycles/${cycleId}/evaluations/${nip}/transfer`, { ...(unitId ? { unitId } : {}), raterNip, reason: reason.trim() });
        const who = people.find((p) => p.nip === nip)?.name ?? nip;
        setNip('');
        setUnitId('');
        setRaterNip('');
        setReason('');
        return fill(t.transferDone, { name: who });
      },
      ['nip', 'unitId', 'raterNip', 'reason'],
      onDone,
    );
  return (
    <section class="card" aria-labelledby="transfer-title">
      <h3 id="transfer-title">{t.transferTitle}</h3>
      <p class="hint">{t.transferLead}</p>
      <ErrorSummary errors={f.errors} />
      <PersonPicker path="transfer.nip" label={t.employee} people={people} units={unitNames} value={nip} onChange={setNip} errors={f.errors} only={staff} />
      <UnitSelect path="transfer.unitId" label={t.newUnit} units={units} value={unitId} onChange={setUnitId} errors={f.errors} optional={t.sameUnit} />
      <PersonPicker path="transfer.raterNip" label={t.newRater} people={people} units={unitNames} value={raterNip} onChange={setRaterNip} errors={f.errors} />
      <ReasonField path="transfer.reason" value={reason} onInput={setReason} errors={f.errors} />
      <button type="button" disabled={f.busy} onClick={submit}>
        {t.transfer}
      </button>
    </section>
  );
}

function HandoverCard({ cycleId, people, me, onDone }: { cycleId: string; people: Person[]; me: Me; onDone: () => void }) {
  const { m } = useApp();
  const t = m.hrRoster.roster;
  const unitNames = useMemo(() => new Map<string, string>(), []);
  const raters = useMemo(() => new Set(people.map((p) => p.raterNip).filter(Boolean)), [people]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const f = useForm('handover');
  const submit = () =>
    f.run(
      () => ({
        ...(from ? {} : { nip: t.required }),
        ...(to ? {} : { toNip: t.required }),
        ...(to && to === from ? { toNip: t.sameRater } : {}),
        ...(reason.trim() ? {} : { reason: m.errors.reasonRequired }),
      }),
      async () => {
        const r = await api<{ moved?: number }>('POST', `/v1/cycles/${cycleId}/raters/${from}/handover`, { toNip: to, reason: reason.trim() });
        const names = { from: people.find((p) => p.nip === from)?.name ?? from, to: people.find((p) => p.nip === to)?.name ?? to };
        setFrom('');
        setTo('');
        setReason('');
        return fill(t.handoverDone, { ...names, n: r?.moved ?? '' });
      },
      ['nip', 'toNip', 'reason'],
      onDone,
    );
  return (
    <section class="card" aria-labelledby="handover-title">
      <h3 id="handover-title">{t.handoverTitle}</h3>
      <p class="hint">{t.handoverLead}</p>
      <ErrorSummary errors={f.errors} />
      <PersonPicker
        path="handover.nip"
        label={t.leavingRater}
        people={people}
        units={unitNames}
        value={from}
        onChange={setFrom}
        errors={f.errors}
        only={(p) => raters.has(p.nip) && p.nip !== me.nip}
      />
      <PersonPicker path="handover.toNip" label={t.newRater} people={people} units={unitNames} value={to} onChange={setTo} errors={f.errors} />
      <ReasonField path="handover.reason" value={reason} onInput={setReason} errors={f.errors} />
      <button type="button" disabled={f.busy} onClick={submit}>
        {t.handover}
      </button>
    </section>
  );
}

function JoinCard({ cycleId, people, units, onDone }: { cycleId: string; people: Person[]; units: Unit[]; onDone: () => void }) {
  const { m } = useApp();
  const t = m.hrRoster.roster;
  const unitNames = useMemo(() => new Map(units.map((u) => [u.unitId, u.name])), [units]);
  const empty = { nip: '', name: '', jabatan: '', unitId: '', raterNip: '', email: '', jenis: 'PNS' };
  const [v, setV] = useState(empty);
  const set = (k: keyof typeof empty) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  const f = useForm('join');
  const submit = () =>
    f.run(
      () => ({
        ...(/^\d{18}$/.test(v.nip.trim()) ? {} : { nip: t.nip18 }),
        ...(v.name.trim() ? {} : { name: t.required }),
        ...(v.jabatan.trim() ? {} : { jabatan: t.required }),
        ...(v.unitId ? {} : { unitId: t.required }),
        ...(v.raterNip ? {} : { raterNip: t.required }),
        ...(/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.email.trim()) ? {} : { email: t.email }),
      }),
      async () => {
        await api('POST', `/v1/cycles/${cycleId}/members`, {
          nip: v.nip.trim(),
          name: v.name.trim(),
          jabatan: v.jabatan.trim(),
          unitId: v.unitId,
          raterNip: v.raterNip,
          email: v.email.trim(),
          jenis: v.jenis,
        });
        const name = v.name.trim();
        setV(empty);
        return fill(t.joinDone, { name });
      },
      ['nip', 'name', 'jabatan', 'unitId', 'raterNip', 'email', 'jenis'],
      onDone,
    );
  const text = (k: 'nip' | 'name' | 'jabatan' | 'email', labelText: string, type: 'text' | 'email' = 'text', hint?: string) => (
    <Field path={`join.${k}`} label={labelText} {...(hint ? { hint } : {})} errors={f.errors}>
      {(a) => (
        <input
          id={a.id}
          type={type as 'text'}
          inputMode={k === 'nip' ? 'numeric' : undefined}
          autoComplete="off"
          aria-describedby={a.describedBy}
          aria-invalid={a.invalid}
          value={v[k]}
          onInput={(e) => set(k)(e.currentTarget.value)}
        />
      )}
    </Field>
  );
  return (
    <section class="card" aria-labelledby="join-title">
      <h3 id="join-title">{t.joinTitle}</h3>
      <p class="hint">{t.joinLead}</p>
      <ErrorSummary errors={f.errors} />
      {text('nip', 'NIP', 'text', t.nipHint)}
      {text('name', t.name)}
      {text('jabatan', t.jabatan)}
      <UnitSelect path="join.unitId" label={t.unit} units={units} value={v.unitId} onChange={set('unitId')} errors={f.errors} />
      <PersonPicker path="join.raterNip" label={t.rater} people={people} units={unitNames} value={v.raterNip} onChange={set('raterNip')} errors={f.errors} />
      {text('email', t.emailLabel, 'email')}
      <Field path="join.jenis" label={t.jenis} errors={f.errors}>
        {(a) => (
          <select id={a.id} value={v.jenis} onChange={(e) => set('jenis')(e.currentTarget.value)}>
            <option value="PNS">PNS</option>
            <option value="PPPK">PPPK</option>
          </select>
        )}
      </Field>
      <button type="button" disabled={f.busy} onClick={submit}>
        {t.join}
      </button>
    </section>
  );
}

function DelegationCard({ people }: { people: Person[] }) {
  const { m } = useApp();
  const t = m.hrRoster.roster;
  const unitNames = useMemo(() => new Map<string, string>(), []);
  const empty = { delegatorNip: '', delegateNip: '', kind: 'plh', from: '', until: '', reason: '' };
  const [v, setV] = useState(empty);
  const set = (k: keyof typeof empty) => (x: string) => setV((s) => ({ ...s, [k]: x }));
  const f = useForm('delegation');
  const submit = () =>
    f.run(
      () => ({
        ...(v.delegatorNip ? {} : { delegatorNip: t.required }),
        ...(v.delegateNip ? {} : { delegateNip: t.required }),
        ...(v.delegateNip && v.delegateNip === v.delegatorNip ? { delegateNip: t.notSelfDelegate } : {}),
        ...(v.from ? {} : { from: t.required }),
        ...(v.until ? {} : { until: t.required }),
        ...(v.from && v.until && v.until < v.from ? { until: t.untilAfterFrom } : {}),
      }),
      async () => {
        await api('POST', '/v1/delegations', {
          delegatorNip: v.delegatorNip,
          delegateNip: v.delegateNip,
          kind: v.kind,
          from: v.from,
          until: v.until,
          ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
        });
        const names = { official: people.find((p) => p.nip === v.delegatorNip)?.name ?? '', acting: people.find((p) => p.nip === v.delegateNip)?.name ?? '' };
        setV(empty);
        return fill(t.delegationDone, { ...names, kind: v.kind === 'plt' ? 'Plt.' : 'Plh.' });
      },
      ['delegatorNip', 'delegateNip', 'kind', 'from', 'until', 'reason'],
      () => undefined,
    );
  const day = (k: 'from' | 'until', labelText: string) => (
    <Field path={`delegation.${k}`} label={labelText} errors={f.errors}>
      {(a) => (
        <input id={a.id} type="date" aria-describedby={a.describedBy} aria-invalid={a.invalid} value={v[k]} onInput={(e) => set(k)(e.currentTarget.value)} />
      )}
    </Field>
  );
  return (
    <section class="card" aria-labelledby="delegation-title">
      <h3 id="delegation-title">{t.delegationTitle}</h3>
      <p class="hint">{t.delegationLead}</p>
      <ErrorSummary errors={f.errors} />
      <PersonPicker
        path="delegation.delegatorNip"
        label={t.official}
        people={people}
        units={unitNames}
        value={v.delegatorNip}
        onChange={set('delegatorNip')}
        errors={f.errors}
      />
      <PersonPicker
        path="delegation.delegateNip"
        label={t.acting}
        people={people}
        units={unitNames}
        value={v.delegateNip}
        onChange={set('delegateNip')}
        errors={f.errors}
      />
      <fieldset>
        <legend>{t.kind}</legend>
        {(['plh', 'plt'] as const).map((k) => (
          <label key={k} class="choice">
            <input type="radio" name="delegation-kind" value={k} checked={v.kind === k} onChange={() => set('kind')(k)} />
            {t.kinds[k]}
          </label>
        ))}
      </fieldset>
      <div class="row">
        {day('from', t.from)}
        {day('until', t.until)}
      </div>
      <Field path="delegation.reason" label={t.delegationReason} errors={f.errors}>
        {(a) => <textarea id={a.id} rows={2} aria-describedby={a.describedBy} value={v.reason} onInput={(e) => set('reason')(e.currentTarget.value)} />}
      </Field>
      <button type="button" disabled={f.busy} onClick={submit}>
        {t.delegate}
      </button>
    </section>
  );
}
