/** HR console: placeholder, built this round. */
import type { Me } from '../../types';
import { useApp } from '../../ui';
import { HrConsole } from './console';

export function HrSkmScreen({ me, path, cycleId }: { me: Me; path: string; cycleId?: string }) {
  const { m } = useApp();
  return (
    <HrConsole me={me} path={path} title={m.hr.titles.hrSkm} {...(cycleId ? { cycleId } : {})}>
      <p>{m.hr.comingSoon}</p>
    </HrConsole>
  );
}
