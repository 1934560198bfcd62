/** A colleague's 360° feedback: the seven BerAKHLAK values, each a rating and an optional comment, until the deadline. */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../drafts';
import type { ShownErrors } from '../problem';
import type { Me, Tasks } from '../types';
import { ErrorSummary, errorsOf, fill, Loading, Notice, Page, TextAreaField, useApp, useLoad } from '../ui';

const VALUES = ['BERORIENTASI_PELAYANAN', 'AKUNTABEL', 'KOMPETEN', 'HARMONIS', 'LOYAL', 'ADAPTIF', 'KOLABORATIF'];
type Form = Record<string, { rating: string; comment: string }>;

export function FeedbackScreen({ me, cycleId, nip }: { me: Me; cycleId: string; nip: string }) {
  const { m, locale } = useApp();
  const { data, error } = useLoad(() => api<Tasks>('GET', `/v1/me/tasks?cycleId=${encodeURIComponent(cycleId)}&lang=${locale}`), [cycleId, locale]);
  const key = draftKey(me.nip, cycleId, 'feedback', nip);
  const [form, setForm] = useState<Form>(
    () => loadDraft<Form>(localStorage, key)?.value ?? Object.fromEntries(VALUES.map((v) => [v, { rating: 'SESUAI', comment: '' }])),
  );
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  useEffect(() => {
    saveDraft(localStorage, key, form);
  }, [form, key]);
  const name = data?.tasks.find((t) => t.kind === 'GIVE_FEEDBACK' && t.nip === nip)?.name ?? data?.team.find((p) => p.nip === nip)?.name ?? nip;
  const known = VALUES.flatMap((_, k) => [`feedback.${k}.rating`, `feedback.${k}.comment`]);
  async function send(ev: Event) {
    ev.preventDefault();
    setNotice(undefined);
    const feedback = VALUES.map((v) => ({ value: v, rating: form[v]!.rating, ...(form[v]!.comment.trim() ? { comment: form[v]!.comment.trim() } : {}) }));
    try {
      await api('PUT', `/v1/cycles/${cycleId}/evaluations/${nip}/feedback`, { feedback });
      clearDraft(localStorage, key);
      setErrors(undefined);
      setNotice(m.feedback.sent);
    } catch (err) {
      setErrors(errorsOf(err, locale, m, known));
    }
  }
  if (!data && error) return <Page title={m.nav.home}>{<Loading error={error} />}</Page>;
  return (
    <Page title={fill(m.feedback.title, { name })}>
      <p class="lead">{m.feedback.lead}</p>
      <form onSubmit={send} noValidate>
        <ErrorSummary errors={errors} />
        <Notice text={notice} />
        {VALUES.map((v, k) => (
          <fieldset key={v} class="card">
            <legend>{m.values[v]}</legend>
            <div class="choices" role="radiogroup" aria-label={m.values[v]} id={`f-feedback-${k}-rating`}>
              {['DI_ATAS', 'SESUAI', 'DI_BAWAH'].map((r) => (
                <label key={r} class="choice">
                  <input
                    type="radio"
                    name={`fb-${v}`}
                    value={r}
                    checked={form[v]!.rating === r}
                    onChange={() => setForm({ ...form, [v]: { ...form[v]!, rating: r } })}
                  />
                  {m.rating[r]}
                </label>
              ))}
            </div>
            <TextAreaField
              path={`feedback.${k}.comment`}
              label={m.feedback.comment}
              errors={errors}
              rows={2}
              value={form[v]!.comment}
              onValue={(value) => setForm({ ...form, [v]: { ...form[v]!, comment: value } })}
            />
          </fieldset>
        ))}
        <button type="submit">{m.feedback.send}</button>
      </form>
    </Page>
  );
}
