/** My result: predikat, ratings, follow-up and training; an objection inside the window. */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../drafts';
import { localErrors, type ShownErrors } from '../problem';
import type { EvaluationDetail, Me } from '../types';
import { ErrorSummary, errorsOf, Field, fill, Loading, Page, TextAreaField, useApp, useLoad } from '../ui';

const ISSUED = ['RESULT_ISSUED', 'OBJECTED', 'OBJECTION_DECIDED', 'FINAL'];
const PREDIKAT = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'];

export function ResultScreen({ me, cycleId }: { me: Me; cycleId: string }) {
  const { m, locale } = useApp();
  const { data, error, reload } = useLoad(() => api<EvaluationDetail>('GET', `/v1/cycles/${cycleId}/evaluations/${me.nip}`), [cycleId, me.nip]);
  if (!data) return <Page title={m.result.title}>{<Loading error={error} />}</Page>;
  const e = data.evaluation;
  if (!ISSUED.includes(e.status))
    return (
      <Page title={m.result.title}>
        <p>{m.result.notYet}</p>
      </Page>
    );
  const predikat = e.predikat ?? e.score?.predikat;
  return (
    <Page title={m.result.title}>
      <dl class="result card">
        <dt>{m.result.predikat}</dt>
        <dd class="big">{m.predikat[predikat ?? ''] ?? predikat}</dd>
        <dt>{m.result.results}</dt>
        <dd>{m.rating[e.score?.resultsRating ?? ''] ?? '—'}</dd>
        <dt>{m.result.behaviour}</dt>
        <dd>{m.rating[e.score?.behaviour?.final ?? ''] ?? '—'}</dd>
      </dl>
      {e.followUp && (
        <section class="card" aria-labelledby="fu-title">
          <h2 id="fu-title">{m.result.followUp}</h2>
          <ul>
            {e.followUp.consequences.map((c) => (
              <li key={c.label.id}>{c.label[locale]}</li>
            ))}
          </ul>
          {e.followUp.training.length > 0 && (
            <>
              <h3>{m.result.training}</h3>
              <ul>
                {e.followUp.training.map((t) => (
                  <li key={t.title.id}>
                    {t.title[locale]} ({t.provider}, {t.hours} jam)
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {e.objection ? (
        <p class="card">
          {fill(m.result.objectionStatus, {
            status: e.objection.decision === 'GRANTED' ? m.result.granted : e.objection.decision === 'REJECTED' ? m.result.rejected : m.result.pending,
          })}
        </p>
      ) : e.status === 'RESULT_ISSUED' ? (
        <Objection me={me} cycleId={cycleId} onDone={reload} />
      ) : null}
    </Page>
  );
}

function Objection({ me, cycleId, onDone }: { me: Me; cycleId: string; onDone: () => void }) {
  const { m, locale, flash } = useApp();
  const key = draftKey(me.nip, cycleId, 'objection');
  const [form, setForm] = useState(
    () => loadDraft<{ reason: string; requestedPredikat: string }>(localStorage, key)?.value ?? { reason: '', requestedPredikat: '' },
  );
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  useEffect(() => {
    saveDraft(localStorage, key, form);
  }, [form, key]);
  async function file(ev: Event) {
    ev.preventDefault();
    if (!form.reason.trim()) return setErrors(localErrors({ reason: m.errors.required }));
    try {
      await api('POST', `/v1/cycles/${cycleId}/evaluations/${me.nip}/objection`, {
        reason: form.reason.trim(),
        ...(form.requestedPredikat ? { requestedPredikat: form.requestedPredikat } : {}),
      });
      clearDraft(localStorage, key);
      setErrors(undefined);
      flash(m.result.filed);
      onDone();
    } catch (err) {
      setErrors(errorsOf(err, locale, m, ['reason', 'requestedPredikat']));
    }
  }
  return (
    <form onSubmit={file} noValidate class="card" aria-labelledby="obj-title">
      <h2 id="obj-title">{m.result.objectionTitle}</h2>
      <p>{m.result.objectionLead}</p>
      <ErrorSummary errors={errors} />
      <TextAreaField
        path="reason"
        label={m.result.objectionReason}
        errors={errors}
        rows={4}
        value={form.reason}
        onValue={(value) => setForm({ ...form, reason: value })}
      />
      <Field path="requestedPredikat" label={m.result.requested} errors={errors}>
        {(a) => (
          <select
            id={a.id}
            aria-describedby={a.describedBy}
            value={form.requestedPredikat}
            onChange={(e) => setForm({ ...form, requestedPredikat: e.currentTarget.value })}
          >
            <option value="">—</option>
            {PREDIKAT.map((p) => (
              <option key={p} value={p}>
                {m.predikat[p]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="submit">{m.result.file}</button>
    </form>
  );
}
