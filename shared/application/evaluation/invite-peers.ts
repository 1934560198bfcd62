/** The rater (or HR) names the colleagues asked for 360° feedback. */

import { requireRater } from '../authz';
import { ports } from '../context';
import { ConflictError, RuleError, StateError } from '../errors';
import type { Caller } from '../ports';
import { actorOf, load, now, onFreshState, requireBeforeDeadline, requireStage } from './common';

export const MAX_INVITATIONS = 20;

/**
 * The rater (or HR) names the colleagues asked for 360° feedback on an employee: once per cycle per
 * pair (a conditional put each), with one audit event in the same transaction. Inviting someone
 * already invited changes nothing and says so.
 */
export const invitePeers = onFreshState(async function invitePeers(cycleId: string, nip: string, peerNips: string[], caller: Caller, requestId: string) {
  const { cycle, e } = await load(cycleId, nip);
  requireRater(caller, e, cycle);
  requireStage(cycle, 'PLANNING', 'MIDYEAR', 'FINAL_SCORING');
  if (e.status === 'RATED') throw new StateError('The evaluation has been rated', 'Penilaian sudah diberi rating');
  if (cycle.stage !== 'PLANNING') await requireBeforeDeadline(cycle);
  const wanted = [...new Set(peerNips)];
  if (wanted.includes(nip))
    throw new RuleError('An employee is not invited to give feedback on themselves', 'Pegawai tidak dapat diundang menilai dirinya sendiri', 'peerNips');
  if (e.raterNip && wanted.includes(e.raterNip))
    throw new RuleError('The rater gives feedback without an invitation', 'Pejabat Penilai memberi umpan balik tanpa undangan', 'peerNips');
  const existing = new Set((await ports().evaluations.invitationsOf(cycleId, nip)).map((i) => i.peerNip));
  const fresh = wanted.filter((p) => !existing.has(p));
  if (existing.size + fresh.length > MAX_INVITATIONS) {
    throw new RuleError(`At most ${MAX_INVITATIONS} colleagues per evaluation`, `Paling banyak ${MAX_INVITATIONS} rekan kerja per penilaian`, 'peerNips');
  }
  // Only people evaluated in this cycle (so of this agency) can be invited.
  const unknown = (await Promise.all(fresh.map(async (p) => ((await ports().evaluations.get(cycleId, p)) ? undefined : p)))).filter((p): p is string =>
    Boolean(p),
  );
  if (unknown.length) throw new RuleError(`Not in this cycle: ${unknown.join(', ')}`, `Tidak terdaftar pada siklus ini: ${unknown.join(', ')}`, 'peerNips');
  if (!fresh.length) return { invited: [] as string[], alreadyInvited: wanted, outcome: 'already' as const };
  const at = now();
  const written = await ports().evaluations.putInvitations(
    fresh.map((peerNip) => ({ cycleId, nip, peerNip, invitedBy: caller.nip, invitedAt: at })),
    { eventId: `invite:${requestId}`, at, actor: actorOf(caller, 'rater'), action: 'PEERS_INVITED', after: { peers: fresh } },
  );
  if (written === 'exists') {
    // Lost a race with the same invitation (a double click, a retry): say what is stored now.
    const now2 = new Set((await ports().evaluations.invitationsOf(cycleId, nip)).map((i) => i.peerNip));
    if (wanted.every((p) => now2.has(p))) return { invited: [] as string[], alreadyInvited: wanted, outcome: 'already' as const };
    throw new ConflictError('Invitations changed meanwhile; try again', 'Undangan berubah pada saat yang sama; coba lagi');
  }
  return { invited: fresh, alreadyInvited: wanted.filter((p) => existing.has(p)), outcome: 'applied' as const };
});
