/**
 * Delegation to an acting official (Plt/Plh) for a date range: while it is active, digests and links
 * go to the delegate, who decides on the delegator's behalf; the audit records both names.
 */
import type { Delegation, EmployeeRecord } from '../../domain/records';
import { requireDelegator } from '../authz';
import { ports } from '../context';
import { RuleError } from '../errors';
import type { Caller } from '../ports';

export type { Delegation } from '../../domain/records';

const jakartaDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(d);

export async function createDelegation(
  agencyId: string,
  input: Omit<Delegation, 'createdBy' | 'createdAt' | 'delegatorNip'> & { delegatorNip?: string },
  caller: Caller,
) {
  const delegatorNip = input.delegatorNip ?? caller.nip;
  requireDelegator(caller, delegatorNip, input.delegateNip);
  if (input.delegateNip === delegatorNip)
    throw new RuleError('An official cannot delegate to themself', 'Pejabat tidak dapat menunjuk dirinya sendiri', 'delegateNip');
  if (input.until < input.from) throw new RuleError('The delegation ends before it starts', 'Tanggal selesai sebelum tanggal mulai', 'until');
  const [delegator, delegate] = await Promise.all([
    ports().roster.getEmployee(agencyId, delegatorNip),
    ports().roster.getEmployee(agencyId, input.delegateNip),
  ]);
  if (!delegator) throw new RuleError(`Official ${delegatorNip} is not in the roster`, `Pejabat ${delegatorNip} tidak terdaftar`, 'delegatorNip');
  if (!delegate) throw new RuleError(`Delegate ${input.delegateNip} is not in the roster`, `Pegawai ${input.delegateNip} tidak terdaftar`, 'delegateNip');
  const delegation: Delegation = { ...input, delegatorNip, createdBy: caller.nip, createdAt: ports().clock.now().toISOString() };
  await ports().delegations.put(agencyId, delegation);
  await notify(delegation, delegator, delegate);
  return delegation;
}

async function notify(d: Delegation, delegator: EmployeeRecord, delegate: EmployeeRecord) {
  for (const [audience, to] of [
    ['delegate', delegate],
    ['delegator', delegator],
  ] as const) {
    const key = `delegation:${d.delegatorNip}:${d.from}:${d.delegateNip}:${audience}`;
    if (!(await ports().once.claim(key, d.createdAt))) continue;
    const mail = ports().templates.delegationNotice({
      locale: to.locale,
      audience,
      recipient: { name: to.name },
      kind: d.kind,
      delegator: { name: delegator.name, jabatan: delegator.jabatan },
      delegate: { name: delegate.name, jabatan: delegate.jabatan },
      from: new Date(`${d.from}T00:00:00+07:00`),
      until: new Date(`${d.until}T00:00:00+07:00`),
      ...(d.reason ? { reason: d.reason } : {}),
    });
    await ports()
      .mailer()
      .send({ to: [to.email], ...mail, idempotencyKey: key, tags: { kind: 'delegation' } });
  }
}

/** The acting official for `nip` on `at`, if a delegation is active. */
export async function activeDelegateOf(agencyId: string, nip: string, at: Date = ports().clock.now()): Promise<string | undefined> {
  const day = jakartaDay(at);
  const items = await ports().delegations.of(agencyId, nip);
  return items.filter((d) => d.from <= day && day <= d.until).sort((a, b) => b.from.localeCompare(a.from))[0]?.delegateNip;
}
