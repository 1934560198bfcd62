/** SKP editor: RHK utama/tambahan, indicators, the superior's RHK each one supports; draft, submit, the rater's return reason. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../drafts';
import { formatWib } from '../format';
import { localErrors, type ShownErrors } from '../problem';
import {
  checkSkpDraft,
  emptyIndicator,
  emptyRhk,
  emptySkp,
  fromApiSkp,
  type IndicatorDraft,
  type RhkDraft,
  type SkpDraft,
  skpFieldPaths,
  toApiSkp,
} from '../skp-form';
import type { EvaluationDetail, Me, ParentRhk } from '../types';
import { ErrorSummary, errorsOf, Field, fill, Loading, Page, TextAreaField, useApp, useLoad } from '../ui';

const EDITABLE = ['SKP_DRAFT', 'SKP_RETURNED'];

export function SkpScreen({ me, cycleId }: { me: Me; cycleId: string }) {
  const { m } = useApp();
  const base = `/v1/cycles/${cycleId}/evaluations/${me.nip}`;
  const { data, error, reload } = useLoad(
    () => Promise.all([api<EvaluationDetail>('GET', base), api<ParentRhk>('GET', `${base}/parent-rhk`)]),
    [cycleId, me.nip],
  );
  if (!data) return <Page title={m.skp.title}>{<Loading error={error} />}</Page>;
  const [detail, parents] = data;
  const e = detail.evaluation;
  return (
    <Page title={m.skp.title}>
      <p class="lead">{m.skp.lead}</p>
      <p>{fill(m.skp.status, { status: m.status[e.status] ?? e.status })}</p>
      {e.status === 'SKP_RETURNED' && e.skpNotes && (
        <div class="warning" role="note" aria-labelledby="returned-title">
          <h2 id="returned-title">{m.skp.returned}</h2>
          <p>{fill(m.skp.reason, { reason: e.skpNotes })}</p>
        </div>
      )}
      {EDITABLE.includes(e.status) ? (
        <SkpEditor me={me} cycleId={cycleId} detail={detail} parents={parents} onSubmitted={reload} />
      ) : (
        <>
          <p>{m.skp.readonly}</p>
          <SkpView skp={e.skp} parents={parents} />
        </>
      )}
    </Page>
  );
}

/** The SKP as read (after submitting; the rater's view too), with the parent RHK's text instead of its id. */
export function SkpView({ skp, parents }: { skp: EvaluationDetail['evaluation']['skp']; parents?: ParentRhk }) {
  const { m } = useApp();
  if (!skp) return null;
  const parentText = (id?: string) => (id ? (parents?.items.find((p) => p.id === id)?.description ?? id) : undefined);
  return (
    <ol class="skp-view">
      {skp.rhk.map((r) => (
        <li key={r.id} class="card">
          <p class="tag">{r.jenis === 'utama' ? m.skp.utama : m.skp.tambahan}</p>
          <p>
            <strong>{r.description}</strong>
          </p>
          {r.parentRhkId && <p class="meta">{fill(m.skp.supports, { text: parentText(r.parentRhkId) ?? '' })}</p>}
          <ul>
            {r.indicators.map((i) => (
              <li key={i.id}>
                {i.description}:{' '}
                {i.target.kind === 'quantitative'
                  ? `${i.target.value} ${i.target.unit}${i.target.direction === 'lowerIsBetter' ? ' (↓)' : ''}`
                  : i.target.expectation}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function SkpEditor(props: { me: Me; cycleId: string; detail: EvaluationDetail; parents: ParentRhk; onSubmitted: () => void }) {
  const { m, locale, flash } = useApp();
  const { me, cycleId, detail, parents } = props;
  const key = draftKey(me.nip, cycleId, 'skp');
  const year = Number(cycleId.slice(-4)) || new Date().getFullYear();
  const [draft, setDraft] = useState<SkpDraft>(() => {
    const kept = loadDraft<SkpDraft>(localStorage, key)?.value;
    if (kept) return kept;
    return detail.evaluation.skp ? fromApiSkp(detail.evaluation.skp) : emptySkp();
  });
  const [savedAt, setSavedAt] = useState<string | undefined>(() => loadDraft(localStorage, key)?.savedAt);
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  const [busy, setBusy] = useState(false);
  // Every change is kept on the device at once: an expired session or a dropped connection loses nothing.
  useEffect(() => {
    saveDraft(localStorage, key, draft);
  }, [draft, key]);
  const known = useMemo(() => skpFieldPaths(draft), [draft]);

  const setRhk = (i: number, patch: Partial<RhkDraft>) => setDraft((d) => ({ rhk: d.rhk.map((r, k) => (k === i ? { ...r, ...patch } : r)) }));
  const setInd = (i: number, j: number, patch: Partial<IndicatorDraft>) =>
    setDraft((d) => ({
      rhk: d.rhk.map((r, k) => (k === i ? { ...r, indicators: r.indicators.map((x, l) => (l === j ? { ...x, ...patch } : x)) } : r)),
    }));

  async function submit(ev: Event) {
    ev.preventDefault();
    flash(undefined);
    const local = checkSkpDraft(draft, parents.required && parents.items.length > 0, { required: m.errors.required, number: m.errors.number });
    if (Object.keys(local).length) {
      setErrors(localErrors(local));
      return;
    }
    setBusy(true);
    try {
      await api('PUT', `/v1/cycles/${cycleId}/evaluations/${me.nip}/skp`, toApiSkp(draft, me.nip, year));
      clearDraft(localStorage, key);
      setErrors(undefined);
      flash(fill(m.skp.submitted, { name: parents.superior?.name ?? '' }));
      props.onSubmitted();
    } catch (err) {
      setErrors(errorsOf(err, locale, m, known));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} />
      {parents.required && parents.items.length === 0 && <p class="warning">{m.skp.parentNone}</p>}
      {draft.rhk.map((r, i) => (
        <fieldset key={i} class="card">
          <legend>{fill(m.skp.rhk, { n: i + 1 })}</legend>
          <Field path={`rhk.${i}.jenis`} label={m.skp.jenis} errors={errors}>
            {(a) => (
              <select
                id={a.id}
                aria-describedby={a.describedBy}
                value={r.jenis}
                onChange={(e) => setRhk(i, { jenis: e.currentTarget.value as RhkDraft['jenis'] })}
              >
                <option value="utama">{m.skp.utama}</option>
                <option value="tambahan">{m.skp.tambahan}</option>
              </select>
            )}
          </Field>
          <Field path={`rhk.${i}.description`} label={m.skp.description} errors={errors}>
            {(a) => (
              <textarea
                id={a.id}
                aria-describedby={a.describedBy}
                aria-invalid={a.invalid}
                rows={3}
                value={r.description}
                onInput={(e) => setRhk(i, { description: e.currentTarget.value })}
              />
            )}
          </Field>
          {parents.items.length > 0 && (
            <Field path={`rhk.${i}.parentRhkId`} label={m.skp.parent} hint={fill(m.skp.parentHint, { name: parents.superior?.name ?? '' })} errors={errors}>
              {(a) => (
                <select
                  id={a.id}
                  aria-describedby={a.describedBy}
                  aria-invalid={a.invalid}
                  value={r.parentRhkId}
                  onChange={(e) => setRhk(i, { parentRhkId: e.currentTarget.value })}
                >
                  <option value="">{m.skp.choose}</option>
                  {parents.items.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.description}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          {r.indicators.map((ind, j) => (
            <fieldset key={j} class="indicator">
              <legend>{fill(m.skp.indicator, { n: j + 1 })}</legend>
              <IndicatorFields at={`rhk.${i}.indicators.${j}`} ind={ind} errors={errors} set={(p) => setInd(i, j, p)} />
              {r.indicators.length > 1 && (
                <button type="button" class="link" onClick={() => setRhk(i, { indicators: r.indicators.filter((_, l) => l !== j) })}>
                  {fill(m.skp.removeIndicator, { n: j + 1 })}
                </button>
              )}
            </fieldset>
          ))}
          <button type="button" class="secondary" onClick={() => setRhk(i, { indicators: [...r.indicators, emptyIndicator()] })}>
            {m.skp.addIndicator}
          </button>
          {draft.rhk.length > 1 && (
            <button type="button" class="link" onClick={() => setDraft((d) => ({ rhk: d.rhk.filter((_, k) => k !== i) }))}>
              {fill(m.skp.removeRhk, { n: i + 1 })}
            </button>
          )}
        </fieldset>
      ))}
      <p>
        <button type="button" class="secondary" onClick={() => setDraft((d) => ({ rhk: [...d.rhk, emptyRhk('tambahan')] }))}>
          {m.skp.addRhk}
        </button>
      </p>
      <div class="actions">
        <button
          type="button"
          class="secondary"
          onClick={() => {
            const d = saveDraft(localStorage, key, draft);
            setSavedAt(d.savedAt);
          }}
        >
          {m.skp.saveDraft}
        </button>
        <button type="submit" disabled={busy}>
          {busy ? m.saving : m.skp.submit}
        </button>
      </div>
      {savedAt && (
        <p class="meta" role="status">
          {fill(m.skp.draftSaved, { time: formatWib(savedAt, locale) })}
        </p>
      )}
    </form>
  );
}

function IndicatorFields({ at, ind, errors, set }: { at: string; ind: IndicatorDraft; errors?: ShownErrors; set: (p: Partial<IndicatorDraft>) => void }) {
  const { m } = useApp();
  return (
    <>
      <Field path={`${at}.description`} label={m.skp.indicatorDescription} errors={errors}>
        {(a) => (
          <input
            id={a.id}
            aria-describedby={a.describedBy}
            aria-invalid={a.invalid}
            value={ind.description}
            onInput={(e) => set({ description: e.currentTarget.value })}
          />
        )}
      </Field>
      <fieldset class="inline">
        <legend>{m.skp.kind}</legend>
        {(['quantitative', 'qualitative'] as const).map((k) => (
          <label key={k} class="choice">
            <input type="radio" name={`${at}.kind`} value={k} checked={ind.kind === k} onChange={() => set({ kind: k })} />
            {k === 'quantitative' ? m.skp.quantitative : m.skp.qualitative}
          </label>
        ))}
      </fieldset>
      {ind.kind === 'quantitative' ? (
        <div class="row">
          <Field path={`${at}.target.value`} label={m.skp.target} errors={errors}>
            {(a) => (
              <input
                id={a.id}
                inputMode="decimal"
                aria-describedby={a.describedBy}
                aria-invalid={a.invalid}
                value={ind.value}
                onInput={(e) => set({ value: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field path={`${at}.target.unit`} label={m.skp.unit} errors={errors}>
            {(a) => (
              <input
                id={a.id}
                aria-describedby={a.describedBy}
                aria-invalid={a.invalid}
                value={ind.unit}
                onInput={(e) => set({ unit: e.currentTarget.value })}
              />
            )}
          </Field>
          <Field path={`${at}.target.direction`} label={m.skp.direction} errors={errors}>
            {(a) => (
              <select
                id={a.id}
                aria-describedby={a.describedBy}
                value={ind.direction}
                onChange={(e) => set({ direction: e.currentTarget.value as IndicatorDraft['direction'] })}
              >
                <option value="higherIsBetter">{m.skp.higherIsBetter}</option>
                <option value="lowerIsBetter">{m.skp.lowerIsBetter}</option>
              </select>
            )}
          </Field>
        </div>
      ) : (
        <TextAreaField
          path={`${at}.target.expectation`}
          label={m.skp.expectation}
          errors={errors}
          rows={2}
          value={ind.expectation}
          onValue={(value) => set({ expectation: value })}
        />
      )}
    </>
  );
}
