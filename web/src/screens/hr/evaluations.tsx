/** HR console: placeholder, built this round. */
import type { Me } from '../../types';
import { useApp } from '../../ui';
import { HrConsole } from './console';

export function HrEvaluationsScreen({ me, path, cycleId }: { me: Me; path: string; cycleId?: string }) {
  const { m } = useApp();
  return (
    <HrConsole me={me} path={path} title={m.hr.titles.hrEvaluations} {...(cycleId ? { cycleId } : {})}>
      <p>{m.hr.comingSoon}</p>
    </HrConsole>
  );
}

export function HrEvaluationScreen({ me, path, cycleId, nip }: { me: Me; path: string; cycleId: string; nip: string }) {
  const { m } = useApp();
  return (
    <HrConsole me={me} path={path} title={m.hr.titles.hrEvaluation} cycleId={cycleId}>
      <p>{nip}</p>
    </HrConsole>
  );
}
