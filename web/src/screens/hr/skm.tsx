/**
 * HR console · Survei (/hr/skm): the citizens' comments waiting for moderation (held bursts among them,
 * marked), each unit's public links — the survey, the printable QR poster, the IKM page — and kiosk
 * tokens for counter tablets (issued, shown once; revoked by id).
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api';
import { formatWib } from '../../format';
import { localErrors, type ShownErrors } from '../../problem';
import type { Me } from '../../types';
import { ErrorSummary, errorsOf, Field, fill, Loading, TextAreaField, useApp, useLoad } from '../../ui';
import { HrConsole } from './console';
import { loadUnits, send, type Unit } from './roster-api';

interface Comment {
  commentId: string;
  unitId: string;
  period: string;
  status: string;
  createdAt: string;
  text: string;
  service?: string;
  namedNips: string[];
  citizenRating: string;
  redactions?: number;
  held?: string;
}

export function HrSkmScreen({ me, path }: { me: Me; path: string }) {
  const { m } = useApp();
  const { data: units, error } = useLoad(loadUnits, []);
  return (
    <HrConsole me={me} path={path} title={m.hr.titles.hrSkm}>
      <p class="lead">{m.hrRoster.skm.lead}</p>
      {!units && <Loading error={error} />}
      {units && (
        <>
          <Queue units={units} />
          <UnitLinks units={units} />
          <Kiosks units={units} />
        </>
      )}
    </HrConsole>
  );
}

function Queue({ units }: { units: Unit[] }) {
  const { m } = useApp();
  const t = m.hrRoster.skm;
  const [unitId, setUnitId] = useState('');
  const [items, setItems] = useState<Comment[] | undefined>();
  const [next, setNext] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>();
  const unitName = new Map(units.map((u) => [u.unitId, u.name]));
  async function load(cursor?: string) {
    try {
      const q = new URLSearchParams({ status: 'PENDING', limit: '20', ...(unitId ? { unitId } : {}), ...(cursor ? { cursor } : {}) });
      const page = await api<{ items: Comment[]; next: string | null }>('GET', `/v1/skm/comments?${q}`);
      setItems((prev) => (cursor ? [...(prev ?? []), ...page.items] : page.items));
      setNext(page.next);
    } catch (err) {
      setLoadError(err);
    }
  }
  useEffect(() => {
    setItems(undefined);
    load();
  }, [unitId]);
  return (
    <section class="card" aria-labelledby="queue-title">
      <h2 id="queue-title">{t.queueTitle}</h2>
      <p class="hint">{t.queueLead}</p>
      <div class="field">
        <label for="f-queue-unit">{t.unitFilter}</label>
        <select id="f-queue-unit" value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)}>
          <option value="">{t.allUnits}</option>
          {units.map((u) => (
            <option key={u.unitId} value={u.unitId}>
              {u.name}
            </option>
          ))}
        </select>
      </div>
      {!items && <Loading error={loadError} />}
      {items && items.length === 0 && <p>{t.empty}</p>}
      {items && items.length > 0 && (
        <ul class="comments">
          {items.map((c) => (
            <CommentCard
              key={c.commentId}
              c={c}
              unitName={unitName.get(c.unitId) ?? c.unitId}
              onDone={() => setItems((xs) => xs?.filter((x) => x.commentId !== c.commentId))}
            />
          ))}
        </ul>
      )}
      {next && (
        <button type="button" class="secondary" onClick={() => load(next)}>
          {t.more}
        </button>
      )}
    </section>
  );
}

function CommentCard({ c, unitName, onDone }: { c: Comment; unitName: string; onDone: () => void }) {
  const { m, locale, flash } = useApp();
  const t = m.hrRoster.skm;
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  const [busy, setBusy] = useState(false);
  const path = `reason-${c.commentId}`;
  const redacted = Boolean(c.redactions);
  async function act(decision: 'approve' | 'reject') {
    if (decision === 'reject' && !reason.trim()) return setErrors(localErrors({ [path]: m.errors.reasonRequired }));
    setBusy(true);
    flash(undefined);
    try {
      await api('POST', `/v1/skm/comments/${c.commentId}/moderation`, { decision, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      flash(decision === 'approve' ? t.approved : t.rejected);
      onDone();
    } catch (err) {
      const shown = errorsOf(err, locale, m, ['reason']);
      setErrors(
        shown && {
          byField: shown.byField.reason ? { [path]: shown.byField.reason } : {},
          summary: shown.summary.map((s) => ({ ...s, ...(s.field === 'reason' ? { field: path } : {}) })),
        },
      );
    } finally {
      setBusy(false);
    }
  }
  return (
    <li class="card comment" aria-labelledby={`c-${c.commentId}`}>
      <h3 id={`c-${c.commentId}`} class="meta">
        {unitName} · {fill(t.period, { period: c.period })} · {fill(t.received, { date: formatWib(c.createdAt, locale) })}
      </h3>
      {c.held && <p class="warning">{t.held}</p>}
      {/* Plain text: Preact escapes it. */}
      <blockquote lang="id">{c.text}</blockquote>
      {c.service && <p class="meta">{c.service}</p>}
      <p class="meta">
        {fill(t.citizenRating, { rating: m.rating[c.citizenRating] ?? c.citizenRating })}
        {c.namedNips.length > 0 && ` · ${fill(t.names, { nips: c.namedNips.join(', ') })}`}
        {redacted && ` · ${t.masked}`}
      </p>
      <ErrorSummary errors={errors} />
      <TextAreaField path={path} label={t.reason} errors={errors} rows={2} value={reason} onValue={(value) => setReason(value)} />
      <div class="actions">
        <button type="button" disabled={busy} onClick={() => act('approve')}>
          {t.approve}
        </button>
        <button type="button" class="warning-button" disabled={busy} onClick={() => act('reject')}>
          {t.reject}
        </button>
      </div>
    </li>
  );
}

function UnitLinks({ units }: { units: Unit[] }) {
  const { m, locale } = useApp();
  const t = m.hrRoster.skm;
  const lang = locale === 'en' ? '?lang=en' : '';
  return (
    <section class="card" aria-labelledby="units-title">
      <h2 id="units-title">{t.unitsTitle}</h2>
      <p class="hint">{t.unitsLead}</p>
      <ul class="unit-links">
        {units.map((u) => {
          const base = `/v1/public/units/${encodeURIComponent(u.unitId)}`;
          return (
            <li key={u.unitId}>
              <strong>{u.name}</strong>
              <span class="links">
                <a href={`${base}/survey${lang}`} target="_blank" rel="noopener" aria-label={`${t.survey}: ${u.name}`}>
                  {t.survey}
                </a>
                <a href={`${base}/poster${lang}`} target="_blank" rel="noopener" aria-label={`${t.poster}: ${u.name}`}>
                  {t.poster}
                </a>
                <a href={`${base}/ikm.html${lang}`} target="_blank" rel="noopener" aria-label={`${t.ikm}: ${u.name}`}>
                  {t.ikm}
                </a>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Kiosks({ units }: { units: Unit[] }) {
  const { m, locale, flash } = useApp();
  const t = m.hrRoster.skm;
  const [unitId, setUnitId] = useState('');
  const [label, setLabel] = useState('');
  const [issued, setIssued] = useState<{ kioskId: string; unitId: string; token: string }[]>([]);
  const [revokeId, setRevokeId] = useState('');
  const [errors, setErrors] = useState<ShownErrors | undefined>();
  async function issue() {
    if (!unitId) return setErrors(localErrors({ 'kiosk.unitId': t.unitRequired }));
    flash(undefined);
    try {
      const k = await api<{ kioskId: string; unitId: string; token: string }>('POST', '/v1/skm/kiosks', {
        unitId,
        ...(label.trim() ? { label: label.trim() } : {}),
      });
      setIssued([k, ...issued]);
      setErrors(undefined);
      setLabel('');
      flash(t.issued);
    } catch (err) {
      const shown = errorsOf(err, locale, m, ['unitId', 'label']);
      setErrors(shown && { byField: Object.fromEntries(Object.entries(shown.byField).map(([k, v]) => [`kiosk.${k}`, v])), summary: shown.summary });
    }
  }
  async function revoke(id: string) {
    if (!/^[a-z0-9]{8,40}$/.test(id)) return setErrors(localErrors({ 'kiosk.revokeId': t.kioskIdInvalid }));
    flash(undefined);
    try {
      await send('DELETE', `/v1/skm/kiosks/${encodeURIComponent(id)}`);
      setErrors(undefined);
      setRevokeId('');
      setIssued(issued.filter((k) => k.kioskId !== id));
      flash(fill(t.revoked, { id }));
    } catch (err) {
      setErrors(errorsOf(err, locale, m));
    }
  }
  return (
    <section class="card" aria-labelledby="kiosks-title">
      <h2 id="kiosks-title">{t.kiosksTitle}</h2>
      <p class="hint">{t.kiosksLead}</p>
      <ErrorSummary errors={errors} />
      <Field path="kiosk.unitId" label={t.kioskUnit} errors={errors}>
        {(a) => (
          <select id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} value={unitId} onChange={(e) => setUnitId(e.currentTarget.value)}>
            <option value="">{m.hrRoster.roster.choose}</option>
            {units.map((u) => (
              <option key={u.unitId} value={u.unitId}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field path="kiosk.label" label={t.kioskLabel} hint={t.kioskLabelHint} errors={errors}>
        {(a) => <input id={a.id} type="text" aria-describedby={a.describedBy} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />}
      </Field>
      <button type="button" onClick={issue}>
        {t.issue}
      </button>
      {issued.map((k) => (
        <div key={k.kioskId} class="notice kiosk">
          <p>
            {t.kioskId}: <code>{k.kioskId}</code>
          </p>
          <p>
            {t.token}: <code class="secret">{k.token}</code>
          </p>
          <p>
            {t.kioskUrl}: <code class="secret">{`${window.location.origin}/v1/public/units/${k.unitId}/survey?kiosk=${encodeURIComponent(k.token)}`}</code>
          </p>
          <button type="button" class="secondary" onClick={() => revoke(k.kioskId)}>
            {t.revoke}
          </button>
        </div>
      ))}
      <h3>{t.revokeTitle}</h3>
      <p class="hint">{t.revokeLead}</p>
      <Field path="kiosk.revokeId" label={t.kioskId} errors={errors}>
        {(a) => (
          <input
            id={a.id}
            type="text"
            autoComplete="off"
            aria-describedby={a.describedBy}
            aria-invalid={a.invalid}
            value={revokeId}
            onInput={(e) => setRevokeId(e.currentTarget.value.trim())}
          />
        )}
      </Field>
      <button type="button" class="warning-button" onClick={() => revoke(revokeId)}>
        {t.revoke}
      </button>
    </section>
  );
}
