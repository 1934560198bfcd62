/**
 * The HR console's frame: every /hr screen sits inside it. It says when the signed-in person is not HR
 * (the API refuses them anyway; this only saves a screen of errors) and shows the console's own navigation
 * (the cycle's pages when a cycle is open, then the agency-wide ones).
 */
import type { ComponentChildren } from 'preact';
import type { Me } from '../../types';
import { Link, Page, useApp } from '../../ui';

export const isHr = (me: Me) => me.roles.includes('hr');

export function HrConsole({ me, title, cycleId, path, children }: { me: Me; title: string; cycleId?: string; path: string; children: ComponentChildren }) {
  const { m } = useApp();
  if (!isHr(me))
    return (
      <Page title={m.hr.notHrTitle}>
        <p>{m.hr.notHr}</p>
        <Link href="/">{m.nav.home}</Link>
      </Page>
    );
  const links: [string, string][] = [['/hr', m.hr.nav.cycles]];
  if (cycleId)
    links.push(
      [`/hr/siklus/${cycleId}`, m.hr.nav.overview],
      [`/hr/siklus/${cycleId}/kalibrasi`, m.hr.nav.calibration],
      [`/hr/siklus/${cycleId}/evaluasi`, m.hr.nav.evaluations],
      [`/hr/siklus/${cycleId}/bias-penilai`, m.hr.nav.raterBias],
    );
  links.push(['/hr/pegawai', m.hr.nav.roster], ['/hr/skm', m.hr.nav.skm], ['/hr/pembinaan', m.hr.nav.coaching]);
  return (
    <>
      <nav class="subnav" aria-label={m.hr.nav.label}>
        <ul>
          {links.map(([href, text]) => (
            <li key={href}>
              <Link href={href} aria-current={path === href ? 'page' : undefined}>
                {text}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Page title={title}>{children}</Page>
    </>
  );
}
