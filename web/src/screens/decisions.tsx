/** The approver's pending decisions, as the email links offer them, with "Setujui semua"; acting officials named as acting. */
import { useState } from 'preact/hooks';
import { api } from '../api';
import { formatWib } from '../format';
import { problemDetail, type ShownErrors } from '../problem';
import type { PendingDecision } from '../types';
import { ErrorSummary, errorsOf, fill, Loading, Page, TextAreaField, useApp, useLoad } from '../ui';

interface ApproveAllResult {
  approved: number;
  results: { decisionId: string; result: string; error?: { id: string; en: string } }[];
}

export function DecisionsScreen() {
  const { m, locale, flash } = useApp();
  const { data, error, reload } = useLoad(() => api<{ items: PendingDecision[] }>('GET', `/v1/me/decisions?lang=${locale}`), [locale]);
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const items = data?.items ?? [];
  async function approveAll() {
    setBusy(true);
    flash(undefined);
    try {
      const r = await api<ApproveAllResult>('POST', '/v1/me/decisions/approve-all', { decisionIds: items.map((d) => d.decisionId) });
      const failed = r.results.filter((x) => x.result === 'failed');
      setErrors(
        failed.length
          ? {
              summary: failed.map((f) => ({
                text: fill(m.decisions.failed, { message: (locale === 'en' ? f.error?.en : f.error?.id) ?? '' }),
                field: `d-${f.decisionId}`,
              })),
              byField: {},
            }
          : undefined,
      );
      flash(fill(m.decisions.approveAllDone, { n: r.approved }));
      reload();
    } catch (err) {
      setErrors(errorsOf(err, locale, m));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Page title={m.decisions.title}>
      <p class="lead">{m.decisions.lead}</p>
      <ErrorSummary errors={errors} />
      {!data && <Loading error={error} />}
      {data && items.length === 0 && <p>{m.decisions.empty}</p>}
      {items.length > 1 && (
        <p>
          <button type="button" onClick={approveAll} disabled={busy}>
            {fill(m.decisions.approveAll, { n: items.length })}
          </button>
        </p>
      )}
      {items.map((d) => (
        <DecisionCard key={d.decisionId} d={d} onDone={reload} />
      ))}
    </Page>
  );
}

function DecisionCard({ d, onDone }: { d: PendingDecision; onDone: () => void }) {
  const { m, locale, flash } = useApp();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  const path = `comment-${d.decisionId}`;
  async function act(outcome: 'approve' | 'return') {
    if (outcome === 'return' && !reason.trim())
      return setErrors({ summary: [{ text: m.errors.reasonRequired, field: path }], byField: { [path]: m.errors.reasonRequired } });
    try {
      await api('POST', `/v1/me/decisions/${d.decisionId}`, { decision: outcome, ...(reason.trim() ? { comment: reason.trim() } : {}) });
      setErrors(undefined);
      flash(m.decisions.decided);
      onDone();
    } catch (err) {
      const shown = errorsOf(err, locale, m, ['comment']);
      // The server names the field `comment`: shown beside this card's reason box.
      if (shown?.byField.comment) shown.byField[path] = shown.byField.comment;
      setErrors(shown ? { ...shown, summary: shown.summary.map((s) => ({ ...s, ...(s.field === 'comment' ? { field: path } : {}) })) } : undefined);
    }
  }
  const det = d.details;
  return (
    <article class="card" id={`f-d-${d.decisionId}`} tabIndex={-1} aria-labelledby={`t-${d.decisionId}`}>
      <h2 id={`t-${d.decisionId}`}>
        {m.decisions.kinds[d.kind]}: {d.subject.name}
      </h2>
      <p class="meta">
        {d.subject.jabatan} · {d.subject.unitName}
      </p>
      {d.acting && <p class="tag">{fill(m.home.acting, { kind: d.acting.kind === 'plt' ? 'Plt.' : 'Plh.', name: d.acting.forName })}</p>}
      {d.deadline && <p class="meta">{fill(m.home.deadline, { date: formatWib(d.deadline, locale) })}</p>}
      <ErrorSummary errors={errors} />
      {det.predikat && <p>{fill(m.decisions.predikat, { predikat: det.predikat })}</p>}
      {det.resultsRating && <p>{fill(m.decisions.results, { results: det.resultsRating, behaviour: det.behaviourRating ?? '' })}</p>}
      {d.objection && <p>{fill(m.decisions.objection, { reason: d.objection.reason })}</p>}
      <details>
        <summary>RHK ({det.rhk.length})</summary>
        <ul>
          {det.rhk.map((r) => (
            <li key={r.title}>
              {r.title}
              {r.rating ? ` — ${r.rating}` : ''}
            </li>
          ))}
        </ul>
      </details>
      <TextAreaField path={path} label={m.decisions.reason} errors={errors} rows={2} value={reason} onValue={(value) => setReason(value)} />
      <div class="actions">
        <button type="button" onClick={() => act('approve')}>
          {m.decisions.approve}
        </button>
        <button type="button" class="warning-button" onClick={() => act('return')}>
          {d.kind === 'OBJECTION' ? m.decisions.reject : m.decisions.return}
        </button>
      </div>
    </article>
  );
}

export { problemDetail };
