/** The console and README rows of a cycle run: the figures the targets are about. */
import type { CycleRun } from './cycle-run';
import { round } from './util';

export function cycleRow(r: CycleRun) {
  const secs = r.driver.totalMs / 1000;
  const tx = r.dynamo.cycle.TransactWriteItems?.calls ?? 0;
  const txPerEmployee = tx / r.n;
  const rawTx = (r.ceilingBefore.transactWrite2PerSec + r.ceilingAfter.transactWrite2PerSec) / 2;
  const ceilingEmployeesPerSec = rawTx / txPerEmployee;
  const achieved = r.n / secs;
  const idleMs = r.driver.stages.reduce((a, s) => a + s.idleMs, 0);
  const ops = Object.values(r.dynamo.cycle).reduce((a, s) => a + s.calls, 0);
  const dynamoCpu = r.driver.stages.reduce((a, s) => a + (s.dynamoCpuS ?? 0), 0);
  const nodeCpu = r.driver.stages.reduce((a, s) => a + (s.nodeCpuS ?? 0), 0);
  return {
    employees: r.n,
    'total s': round(secs, 1),
    'employees/s': round(achieved, 2),
    ...Object.fromEntries(r.driver.stages.map((s) => [`${s.stage} s`, round(s.totalMs / 1000, 1)])),
    'transactions/employee': round(txPerEmployee, 2),
    'all DynamoDB calls/employee': round(ops / r.n, 1),
    'raw 2-item tx/s (before, after)': `${r.ceilingBefore.transactWrite2PerSec}, ${r.ceilingAfter.transactWrite2PerSec}`,
    'ceiling employees/s': round(ceilingEmployeesPerSec, 2),
    'ratio to ceiling': `${round((achieved / ceilingEmployeesPerSec) * 100, 1)} %`,
    'ratio without calendar waits': `${round((r.n / ((r.driver.totalMs - idleMs) / 1000) / ceilingEmployeesPerSec) * 100, 1)} %`,
    'calendar waits s': round(idleMs / 1000, 1),
    'Node CPU s': round(nodeCpu, 1),
    'DynamoDB Local CPU s': round(dynamoCpu, 1),
    'load avg before/after': `${r.machineBefore.loadAvg[0]}/${r.machineAfter.loadAvg[0]}`,
    completed: r.driver.failure ? `FAILED: ${r.driver.failure.slice(0, 160)}` : `${r.driver.finalEvaluations}/${r.n} final`,
    target: r.driver.failure
      ? 'MISSED (did not complete)'
      : r.n <= 1000
        ? secs <= 60
          ? 'met (≤ 60 s)'
          : 'MISSED (≤ 60 s)'
        : secs <= 600
          ? 'met (≤ 10 min)'
          : 'MISSED (≤ 10 min)',
  };
}
