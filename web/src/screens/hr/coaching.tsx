/**
 * HR: coaching plans after a low predikat (`/hr/pembinaan`) — the agency's open plans, oldest next
 * session first, or only those whose session is overdue (`GET /v1/coaching?status=open|overdue`), each
 * with its re-check and, for Sangat Kurang, the improvement period's review date; a link to the team
 * member's page. Its texts: `hrCoaching` in the app's catalogues.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api';
import type { Me } from '../../types';
import { Link, Loading, useApp, useLoad } from '../../ui';
import { HrConsole } from './console';

interface CoachingPlanItem {
  cycleId: string;
  nip: string;
  name: string;
  jabatan: string;
  unitId: string;
  raterNip?: string;
  predikat: string;
  status: 'OPEN' | 'CLOSED';
  openedOn: string;
  nextSessionDue?: string;
  recheck: { cycleYear: number; dueBy: string };
  improvementPeriod?: { months: number; start: string; reviewOn: string };
  sessions: { sessionId: string; heldOn: string; acknowledgedAt?: string }[];
  overdue: boolean;
  awaitingAcknowledgement: number;
}
interface CoachingPage {
  items: CoachingPlanItem[];
  next: string | null;
  today: string;
}

/** A calendar day (YYYY-MM-DD) as people read it: "30 Juni 2027" / "30 June 2027". */
function day(d: string | undefined, locale: 'id' | 'en'): string {
  if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return '—';
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${d}T00:00:00Z`),
  );
}

export function HrCoachingScreen({ me, path }: { me: Me; path: string }) {
  const { locale, m } = useApp();
  const t = m.hrCoaching;
  const [status, setStatus] = useState<'open' | 'overdue'>('open');
  const [more, setMore] = useState<{ items: CoachingPlanItem[]; next: string | null } | undefined>();
  const { data, error } = useLoad(() => {
    setMore(undefined);
    return api<CoachingPage>('GET', `/v1/coaching?status=${status}`);
  }, [status]);
  const items = [...(data?.items ?? []), ...(more?.items ?? [])];
  const next = more ? more.next : (data?.next ?? null);
  const [loadingMore, setLoadingMore] = useState(false);
  async function loadMore() {
    if (!next) return;
    setLoadingMore(true);
    try {
      const page = await api<CoachingPage>('GET', `/v1/coaching?status=${status}&cursor=${encodeURIComponent(next)}`);
      setMore({ items: [...(more?.items ?? []), ...page.items], next: page.next });
    } finally {
      setLoadingMore(false);
    }
  }
  return (
    <HrConsole me={me} path={path} title={t.title}>
      <p class="lead">{t.lead}</p>
      <fieldset class="card">
        <legend>{t.show}</legend>
        {(['open', 'overdue'] as const).map((s) => (
          <label key={s} class="choice">
            <input type="radio" name="coaching-status" value={s} checked={status === s} onChange={() => setStatus(s)} /> {t[s]}
          </label>
        ))}
      </fieldset>
      {!data && <Loading error={error} />}
      {data && items.length === 0 && <p>{status === 'overdue' ? t.emptyOverdue : t.empty}</p>}
      {items.length > 0 && (
        <ul class="tasks" aria-label={t.title}>
          {items.map((p) => (
            <li key={`${p.cycleId}/${p.nip}`} class="card">
              <h2>
                <Link href={`/siklus/${p.cycleId}/tim/${p.nip}`}>{p.name}</Link>
              </h2>
              <p class="meta">
                NIP {p.nip} · {p.jabatan} · {p.unitId}
              </p>
              <p>
                <span class="tag">{t.predikat[p.predikat] ?? p.predikat}</span> {p.overdue && <strong class="tag">{t.late}</strong>}
              </p>
              <dl>
                <dt>{t.nextSession}</dt>
                <dd>{day(p.nextSessionDue, locale)}</dd>
                <dt>{t.sessions}</dt>
                <dd>
                  {p.sessions.length}
                  {p.awaitingAcknowledgement > 0 ? ` (${p.awaitingAcknowledgement} ${t.awaiting})` : ''}
                </dd>
                <dt>{t.recheck}</dt>
                <dd>{day(p.recheck.dueBy, locale)}</dd>
                {p.improvementPeriod && (
                  <>
                    <dt>{t.improvement}</dt>
                    <dd>{day(p.improvementPeriod.reviewOn, locale)}</dd>
                  </>
                )}
                {p.raterNip && (
                  <>
                    <dt>{t.rater}</dt>
                    <dd>NIP {p.raterNip}</dd>
                  </>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <p>
          <button type="button" onClick={loadMore} disabled={loadingMore}>
            {t.more}
          </button>
        </p>
      )}
    </HrConsole>
  );
}
