/**
 * Delegation to an acting official (Plt/Plh) for a date range: while it is active, digests and links
 * go to the delegate, who decides on the delegator's behalf; the audit records both names.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../../adapters/aws-clients';
import { config } from '../../config';
import { renderDelegationNotice } from '../../adapters/mail/templates';
import { getEmployee, queryAll, claimOnce, type EmployeeRecord } from '../../adapters/dynamodb/repository';
import { keys, prefixes } from '../../adapters/dynamodb/keys';
import { deps } from '../../composition';
import { ForbiddenError, RuleError } from '../errors';
import type { Caller } from '../evaluation/actions';

export interface Delegation {
  delegatorNip: string;
  delegateNip: string;
  kind: 'plt' | 'plh';
  /** First and last day, inclusive, as YYYY-MM-DD in Asia/Jakarta. */
  from: string;
  until: string;
  reason?: string;
  createdBy: string;
  createdAt: string;
}

const jakartaDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(d);

export async function createDelegation(agencyId: string, input: Omit<Delegation, 'createdBy' | 'createdAt' | 'delegatorNip'> & { delegatorNip?: string }, caller: Caller) {
  const delegatorNip = input.delegatorNip ?? caller.nip;
  if (delegatorNip !== caller.nip && !caller.roles.includes('hr')) {
    throw new ForbiddenError('Only the official themself or HR can delegate their authority', 'Hanya pejabat yang bersangkutan atau HR yang dapat menunjuk Plt/Plh');
  }
  if (input.delegateNip === delegatorNip) throw new RuleError('An official cannot delegate to themself', 'Pejabat tidak dapat menunjuk dirinya sendiri', 'delegateNip');
  if (input.until < input.from) throw new RuleError('The delegation ends before it starts', 'Tanggal selesai sebelum tanggal mulai', 'until');
  const [delegator, delegate] = await Promise.all([getEmployee(agencyId, delegatorNip), getEmployee(agencyId, input.delegateNip)]);
  if (!delegator) throw new RuleError(`Official ${delegatorNip} is not in the roster`, `Pejabat ${delegatorNip} tidak terdaftar`, 'delegatorNip');
  if (!delegate) throw new RuleError(`Delegate ${input.delegateNip} is not in the roster`, `Pegawai ${input.delegateNip} tidak terdaftar`, 'delegateNip');
  const delegation: Delegation = { ...input, delegatorNip, createdBy: caller.nip, createdAt: deps.clock.now().toISOString() };
  await ddb.send(new PutCommand({
    TableName: config().TABLE_NAME,
    Item: { ...keys.delegation(agencyId, delegatorNip, input.from), type: 'DELEGATION', agencyId, ...delegation },
  }));
  await notify(delegation, delegator, delegate);
  return delegation;
}

async function notify(d: Delegation, delegator: EmployeeRecord, delegate: EmployeeRecord) {
  for (const [audience, to] of [['delegate', delegate], ['delegator', delegator]] as const) {
    const key = `delegation:${d.delegatorNip}:${d.from}:${d.delegateNip}:${audience}`;
    if (!(await claimOnce(key, d.createdAt))) continue;
    const mail = renderDelegationNotice({
      locale: to.locale, audience, recipient: { name: to.name }, kind: d.kind,
      delegator: { name: delegator.name, jabatan: delegator.jabatan }, delegate: { name: delegate.name, jabatan: delegate.jabatan },
      from: new Date(`${d.from}T00:00:00+07:00`), until: new Date(`${d.until}T00:00:00+07:00`), ...(d.reason ? { reason: d.reason } : {}),
    });
    await deps.mailer().send({ to: [to.email], ...mail, idempotencyKey: key, tags: { kind: 'delegation' } });
  }
}

/** The acting official for `nip` on `at`, if a delegation is active. */
export async function activeDelegateOf(agencyId: string, nip: string, at: Date = deps.clock.now()): Promise<string | undefined> {
  const day = jakartaDay(at);
  const items = await queryAll<Delegation>({
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
    ExpressionAttributeValues: { ':pk': `AGENCY#${agencyId}`, ':sk': prefixes.delegation(nip) },
  });
  return items.filter((d) => d.from <= day && day <= d.until).sort((a, b) => b.from.localeCompare(a.from))[0]?.delegateNip;
}
