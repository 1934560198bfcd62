/** Beranda: what waits for me in every role this cycle, with the stage, its deadline (WIB) and its progress. */
import { getOnce } from '../api';
import { formatWib } from '../format';
import type { HomeTasks, Me, Task, Tasks } from '../types';
import { fill, Link, Loading, Page, useApp, useLoad } from '../ui';

const STAGES = ['PLANNING', 'MIDYEAR', 'FINAL_SCORING', 'CALIBRATION', 'APPROVAL', 'OBJECTION', 'FOLLOW_UP'];
const ROLES: Task['role'][] = ['employee', 'rater', 'peer', 'approver'];

/** The cycle the person works in now: an active one, newest first. */
export function currentCycle(me: Me): string | undefined {
  const sorted = [...me.cycles].sort((a, b) => b.year - a.year);
  return (sorted.find((c) => c.status === 'ACTIVE') ?? sorted[0])?.cycleId;
}

/** Beranda's request: the server picks the current cycle, so it starts with who-am-I, not after it (main.tsx). */
export const homePath = (locale: string) => `/v1/me/tasks?lang=${locale}`;

export function Home({ me }: { me: Me }) {
  const { m, locale } = useApp();
  const { data, error } = useLoad(() => getOnce<HomeTasks>(homePath(locale)), [locale]);
  return (
    <Page title={m.home.title}>
      <p class="lead">{fill(m.home.hello, { name: me.name })}</p>
      {!data && <Loading error={error} />}
      {data && !data.cycle && <p>{m.home.noCycle}</p>}
      {data?.cycle && <Cycle data={data as Tasks} />}
    </Page>
  );
}

function Cycle({ data }: { data: Tasks }) {
  const { m, locale } = useApp();
  const s = data.stage;
  const pct = s.total ? Math.round((s.done / s.total) * 100) : 0;
  return (
    <>
      <section class="card" aria-labelledby="stage-title">
        <h2 id="stage-title">{fill(m.home.cycle, { year: data.cycle.year })}</h2>
        <p>
          <strong>{fill(m.home.stage, { n: s.index + 1, count: s.count, label: m.stages[s.stage] ?? s.stage })}</strong>
        </p>
        <ol class="stages">
          {STAGES.map((st, i) => (
            <li key={st} class={i < s.index ? 'done' : i === s.index ? 'current' : ''} aria-current={i === s.index ? 'step' : undefined}>
              {m.stages[st]}
            </li>
          ))}
        </ol>
        {s.deadline && <p>{fill(m.home.deadline, { date: formatWib(s.deadline, locale) })}</p>}
        {s.total > 0 && (
          <>
            <label for="stage-progress">{fill(m.home.progress, { done: s.done, total: s.total })}</label>
            <progress id="stage-progress" max={s.total} value={s.done}>
              {pct}%
            </progress>
          </>
        )}
        {data.own && <p>{fill(m.home.myStatus, { status: m.status[data.own.status] ?? data.own.status })}</p>}
      </section>
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">{m.home.waiting}</h2>
        {data.tasks.length === 0 && <p>{m.home.nothing}</p>}
        {ROLES.map((role) => {
          const tasks = data.tasks.filter((t) => t.role === role);
          if (!tasks.length) return null;
          return (
            <div key={role}>
              <h3>{m.home.roles[role]}</h3>
              <ul class="tasks">
                {tasks.map((t) => (
                  <li key={`${t.kind}-${t.nip}-${t.decisionId ?? ''}`}>
                    <Link href={t.href}>{fill((m.tasks as Record<string, string>)[t.kind] ?? t.kind, { name: t.name })}</Link>
                    {t.acting && <span class="tag">{fill(m.home.acting, { kind: t.acting.kind === 'plt' ? 'Plt.' : 'Plh.', name: t.acting.forName })}</span>}
                    {t.deadline && <span class="meta">{fill(m.home.deadline, { date: formatWib(t.deadline, locale) })}</span>}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
    </>
  );
}
