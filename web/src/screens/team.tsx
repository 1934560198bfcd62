/** The rater's team: the list, and one member (SKP approval, periodic review, 360° invitations, the yearly rating). */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../drafts';
import { localErrors, type ShownErrors } from '../problem';
import type { EvaluationDetail, Me, ParentRhk, PendingDecision, Proposal, Tasks } from '../types';
import { ErrorSummary, errorsOf, Field, fill, Link, Loading, Page, TextAreaField, useApp, useLoad } from '../ui';
import { SkpView } from './skp';

const RATINGS = ['DI_ATAS', 'SESUAI', 'DI_BAWAH'];

export function TeamScreen({ cycleId }: { cycleId: string }) {
  const { m, locale } = useApp();
  const { data, error } = useLoad(() => api<Tasks>('GET', `/v1/me/tasks?cycleId=${encodeURIComponent(cycleId)}&lang=${locale}`), [cycleId, locale]);
  return (
    <Page title={m.team.title}>
      <p class="lead">{m.team.lead}</p>
      {!data && <Loading error={error} />}
      {data && data.team.length === 0 && <p>{m.team.empty}</p>}
      {data && data.team.length > 0 && (
        <ul class="tasks">
          {data.team.map((p) => (
            <li key={p.nip}>
              <Link href={`/siklus/${cycleId}/tim/${p.nip}`}>{p.name}</Link>
              <span class="meta">
                {p.jabatan} · {m.status[p.status] ?? p.status}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

export function MemberScreen({ me, cycleId, nip }: { me: Me; cycleId: string; nip: string }) {
  const { m, locale } = useApp();
  const base = `/v1/cycles/${cycleId}/evaluations/${nip}`;
  const { data, error, reload } = useLoad(
    () =>
      Promise.all([
        api<EvaluationDetail>('GET', base),
        api<ParentRhk>('GET', `${base}/parent-rhk`),
        api<{ items: PendingDecision[] }>('GET', `/v1/me/decisions?cycleId=${encodeURIComponent(cycleId)}&lang=${locale}`),
        api<Tasks>('GET', `/v1/me/tasks?cycleId=${encodeURIComponent(cycleId)}&lang=${locale}`),
      ]),
    [cycleId, nip, locale],
  );
  if (!data) return <Page title={m.team.title}>{<Loading error={error} />}</Page>;
  const [detail, parents, decisions, tasks] = data;
  const e = detail.evaluation;
  const skpDecision = decisions.items.find((d) => d.kind === 'SKP_APPROVAL' && d.subject.nip === nip);
  const stage = tasks.cycle.stage;
  return (
    <Page title={e.name}>
      <p class="lead">
        {e.jabatan} · {m.status[e.status] ?? e.status}
      </p>
      <section class="card" aria-labelledby="skp-title">
        <h2 id="skp-title">{fill(m.team.skpTitle, { name: e.name })}</h2>
        <SkpView skp={e.skp} parents={parents} />
        {skpDecision ? <SkpDecision decision={skpDecision} name={e.name} onDone={reload} /> : e.status === 'SKP_SUBMITTED' ? null : null}
      </section>
      {stage === 'MIDYEAR' && e.status === 'MONITORING' && <Midyear me={me} cycleId={cycleId} nip={nip} onDone={reload} />}
      {(stage === 'MIDYEAR' || stage === 'FINAL_SCORING' || stage === 'PLANNING') && e.skp && (
        <Invitations cycleId={cycleId} nip={nip} name={e.name} team={tasks.team} invited={detail.invitations.map((i) => i.peerNip)} onDone={reload} />
      )}
      {(['AWAITING_RATING', 'RATED'].includes(e.status) && stage === 'FINAL_SCORING') || e.status === 'RETURNED_TO_RATER' ? (
        <Rating me={me} cycleId={cycleId} detail={detail} onDone={reload} />
      ) : null}
    </Page>
  );
}

function SkpDecision({ decision, name, onDone }: { decision: PendingDecision; name: string; onDone: () => void }) {
  const { m, locale, flash } = useApp();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  async function act(outcome: 'approve' | 'return') {
    flash(undefined);
    if (outcome === 'return' && !reason.trim()) return setErrors(localErrors({ comment: m.errors.reasonRequired }));
    try {
      await api('POST', `/v1/me/decisions/${decision.decisionId}`, { decision: outcome, ...(reason.trim() ? { comment: reason.trim() } : {}) });
      setErrors(undefined);
      flash(fill(outcome === 'approve' ? m.team.approved : m.team.returnedDone, { name }));
      setTimeout(onDone, 0);
    } catch (err) {
      setErrors(errorsOf(err, locale, m, ['comment']));
    }
  }
  return (
    <form onSubmit={(e) => e.preventDefault()} noValidate>
      <ErrorSummary errors={errors} />
      <TextAreaField path="comment" label={m.team.returnReason} errors={errors} rows={3} value={reason} onValue={(value) => setReason(value)} />
      <div class="actions">
        <button type="button" onClick={() => act('approve')}>
          {m.team.approve}
        </button>
        <button type="button" class="warning-button" onClick={() => act('return')}>
          {m.team.return}
        </button>
      </div>
    </form>
  );
}

function Midyear({ me, cycleId, nip, onDone }: { me: Me; cycleId: string; nip: string; onDone: () => void }) {
  const { m, locale } = useApp();
  const key = draftKey(me.nip, cycleId, 'midyear', nip);
  const [form, setForm] = useState(() => loadDraft<{ rating: string; notes: string }>(localStorage, key)?.value ?? { rating: 'SESUAI', notes: '' });
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  useEffect(() => {
    saveDraft(localStorage, key, form);
  }, [form, key]);
  async function save(ev: Event) {
    ev.preventDefault();
    if (!form.notes.trim()) return setErrors(localErrors({ notes: m.errors.required }));
    try {
      await api('PUT', `/v1/cycles/${cycleId}/evaluations/${nip}/midyear-review`, { rating: form.rating, notes: form.notes.trim() });
      clearDraft(localStorage, key);
      setErrors(undefined);
      onDone();
    } catch (err) {
      setErrors(errorsOf(err, locale, m, ['rating', 'notes']));
    }
  }
  return (
    <form onSubmit={save} noValidate class="card" aria-labelledby="midyear-title">
      <h2 id="midyear-title">{m.team.midyearTitle}</h2>
      <ErrorSummary errors={errors} />
      <Field path="rating" label={m.team.midyearRating} errors={errors}>
        {(a) => (
          <select id={a.id} aria-describedby={a.describedBy} value={form.rating} onChange={(e) => setForm({ ...form, rating: e.currentTarget.value })}>
            {RATINGS.map((r) => (
              <option key={r} value={r}>
                {m.rating[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextAreaField path="notes" label={m.team.coaching} errors={errors} rows={4} value={form.notes} onValue={(value) => setForm({ ...form, notes: value })} />
      <button type="submit">{m.team.midyearSave}</button>
    </form>
  );
}

function Invitations(props: { cycleId: string; nip: string; name: string; team: Tasks['team']; invited: string[]; onDone: () => void }) {
  const { m, locale, flash } = useApp();
  const colleagues = props.team.filter((p) => p.nip !== props.nip);
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  if (!colleagues.length && !props.invited.length) return null;
  const nameOf = (nip: string) => props.team.find((p) => p.nip === nip)?.name ?? nip;
  async function send(ev: Event) {
    ev.preventDefault();
    if (!chosen.length) return setErrors(localErrors({ peerNips: m.errors.required }));
    try {
      await api('POST', `/v1/cycles/${props.cycleId}/evaluations/${props.nip}/invitations`, { peerNips: chosen });
      setErrors(undefined);
      flash(m.team.inviteSent);
      setChosen([]);
      props.onDone();
    } catch (err) {
      setErrors(errorsOf(err, locale, m, ['peerNips']));
    }
  }
  const open = colleagues.filter((p) => !props.invited.includes(p.nip));
  return (
    <form onSubmit={send} noValidate class="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{m.team.inviteTitle}</h2>
      <ErrorSummary errors={errors} />
      {props.invited.length > 0 && <p>{fill(m.team.invited, { names: props.invited.map(nameOf).join(', ') })}</p>}
      {open.length > 0 && (
        <>
          <fieldset id="f-peerNips" tabIndex={-1}>
            <legend>{fill(m.team.inviteHint, { name: props.name })}</legend>
            {errors?.byField.peerNips && <p class="error">{errors.byField.peerNips}</p>}
            {open.map((p) => (
              <label key={p.nip} class="choice">
                <input
                  type="checkbox"
                  value={p.nip}
                  checked={chosen.includes(p.nip)}
                  onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, p.nip] : chosen.filter((x) => x !== p.nip))}
                />
                {p.name}
              </label>
            ))}
          </fieldset>
          <button type="submit" class="secondary">
            {m.team.invite}
          </button>
        </>
      )}
    </form>
  );
}

interface RatingForm {
  rhk: Record<string, { rating: string; reason: string }>;
  behaviour: { rating: string; reason: string };
}

function Rating({ me, cycleId, detail, onDone }: { me: Me; cycleId: string; detail: EvaluationDetail; onDone: () => void }) {
  const { m, locale, flash } = useApp();
  const e = detail.evaluation;
  const key = draftKey(me.nip, cycleId, 'rating', e.nip);
  const { data: proposal } = useLoad(() => api<Proposal>('GET', `/v1/cycles/${cycleId}/evaluations/${e.nip}/proposal`), [cycleId, e.nip]);
  const [form, setForm] = useState<RatingForm | undefined>(() => loadDraft<RatingForm>(localStorage, key)?.value);
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  // The form starts from the engine's proposal (or the rating already given).
  useEffect(() => {
    if (form || !proposal) return;
    const given = new Map((e.rating?.rhkRatings ?? []).map((r) => [r.rhkId, r]));
    const rhk: RatingForm['rhk'] = {};
    for (const r of e.skp?.rhk ?? []) {
      const p = proposal.rhk?.find((x) => x.rhkId === r.id)?.proposed ?? 'SESUAI';
      rhk[r.id] = { rating: given.get(r.id)?.rating ?? p, reason: given.get(r.id)?.reason ?? '' };
    }
    setForm({
      rhk,
      behaviour: { rating: e.rating?.behaviourRating?.rating ?? proposal.behaviour?.proposed ?? 'SESUAI', reason: e.rating?.behaviourRating?.reason ?? '' },
    });
  }, [proposal, form, e]);
  useEffect(() => {
    if (form) saveDraft(localStorage, key, form);
  }, [form, key]);
  if (!form || !proposal) return <Loading />;
  const proposedOf = (rhkId: string) => proposal.rhk?.find((x) => x.rhkId === rhkId)?.proposed;
  const rhkList = e.skp?.rhk ?? [];
  const known = [...rhkList.flatMap((_, k) => [`rhkRatings.${k}.rating`, `rhkRatings.${k}.reason`]), 'behaviourRating.rating', 'behaviourRating.reason'];
  const self = e.selfAssessment?.FINAL_SCORING ?? e.selfAssessment?.MIDYEAR;

  async function save(ev: Event) {
    ev.preventDefault();
    flash(undefined);
    const f = form!;
    const local: Record<string, string> = {};
    rhkList.forEach((r, k) => {
      const p = proposedOf(r.id);
      if (p && f.rhk[r.id]!.rating !== p && !f.rhk[r.id]!.reason.trim()) local[`rhkRatings.${k}.reason`] = m.errors.reasonWhenDeparting;
    });
    if (proposal!.behaviour && f.behaviour.rating !== proposal!.behaviour.proposed && !f.behaviour.reason.trim())
      local['behaviourRating.reason'] = m.errors.reasonWhenDeparting;
    if (Object.keys(local).length) return setErrors(localErrors(local));
    const body = {
      rhkRatings: rhkList.map((r) => ({
        rhkId: r.id,
        rating: f.rhk[r.id]!.rating,
        ...(f.rhk[r.id]!.reason.trim() ? { reason: f.rhk[r.id]!.reason.trim() } : {}),
      })),
      behaviourRating: { rating: f.behaviour.rating, ...(f.behaviour.reason.trim() ? { reason: f.behaviour.reason.trim() } : {}) },
    };
    try {
      const r = await api<{ predikat?: string }>('PUT', `/v1/cycles/${cycleId}/evaluations/${e.nip}/rating`, body);
      clearDraft(localStorage, key);
      setErrors(undefined);
      flash(fill(m.team.rated, { predikat: m.predikat[r.predikat ?? ''] ?? r.predikat ?? '' }));
      onDone();
    } catch (err) {
      setErrors(errorsOf(err, locale, m, known));
    }
  }

  return (
    <div class="split">
      <form onSubmit={save} noValidate class="card" aria-labelledby="rating-title">
        <h2 id="rating-title">{m.team.ratingTitle}</h2>
        {e.returnReason && e.status === 'RETURNED_TO_RATER' && <p class="warning">{fill(m.team.returnedByApprover, { reason: e.returnReason })}</p>}
        <ErrorSummary errors={errors} />
        {!proposal.available && <p>{m.team.noProposal}</p>}
        {rhkList.map((r, k) => (
          <fieldset key={r.id} class="indicator">
            <legend>{r.description}</legend>
            {proposedOf(r.id) && <p class="meta">{fill(m.team.proposal, { rating: m.rating[proposedOf(r.id)!] ?? '' })}</p>}
            <Field path={`rhkRatings.${k}.rating`} label={fill(m.team.rhkRating, { text: `RHK ${k + 1}` })} errors={errors}>
              {(a) => (
                <select
                  id={a.id}
                  aria-describedby={a.describedBy}
                  value={form.rhk[r.id]!.rating}
                  onChange={(ev) => setForm({ ...form, rhk: { ...form.rhk, [r.id]: { ...form.rhk[r.id]!, rating: ev.currentTarget.value } } })}
                >
                  {RATINGS.map((x) => (
                    <option key={x} value={x}>
                      {m.rating[x]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <TextAreaField
              path={`rhkRatings.${k}.reason`}
              label={m.team.reason}
              errors={errors}
              rows={2}
              value={form.rhk[r.id]!.reason}
              onValue={(value) => setForm({ ...form, rhk: { ...form.rhk, [r.id]: { ...form.rhk[r.id]!, reason: value } } })}
            />
          </fieldset>
        ))}
        <fieldset class="indicator">
          <legend>{m.team.behaviour}</legend>
          {proposal.behaviour && <p class="meta">{fill(m.team.proposal, { rating: m.rating[proposal.behaviour.proposed] ?? '' })}</p>}
          <p class="meta">{fill(m.team.feedbackCount, { n: Object.keys(e.feedback ?? {}).length })}</p>
          <Field path="behaviourRating.rating" label={m.team.behaviour} errors={errors}>
            {(a) => (
              <select
                id={a.id}
                aria-describedby={a.describedBy}
                value={form.behaviour.rating}
                onChange={(ev) => setForm({ ...form, behaviour: { ...form.behaviour, rating: ev.currentTarget.value } })}
              >
                {RATINGS.map((x) => (
                  <option key={x} value={x}>
                    {m.rating[x]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextAreaField
            path="behaviourRating.reason"
            label={m.team.reason}
            errors={errors}
            rows={2}
            value={form.behaviour.reason}
            onValue={(value) => setForm({ ...form, behaviour: { ...form.behaviour, reason: value } })}
          />
        </fieldset>
        <button type="submit">{m.team.rate}</button>
      </form>
      <aside class="card" aria-labelledby="self-title">
        <h2 id="self-title">{m.team.selfAssessment}</h2>
        {self?.summary ? <p>{self.summary}</p> : <p>{m.team.noSelf}</p>}
        {self?.rhk?.map((r) => (
          <p key={r.rhkId} class="meta">
            {r.rhkId}: {m.rating[r.rating] ?? r.rating}
            {r.note ? ` — ${r.note}` : ''}
          </p>
        ))}
      </aside>
    </div>
  );
}
