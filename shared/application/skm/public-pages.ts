/**
 * What the citizens' public pages read: a service unit by id, and a unit's IKM for a month with the
 * comments HR approved for that month. No account; nothing here writes.
 */
import type { CommentRecord } from '../../domain/records';
import { ports } from '../context';
import { NotFoundError } from '../errors';
import { type UnitIkm, unitIkm } from './use-cases';

export interface PublicUnit {
  unitId: string;
  name: string;
}

/** Approved comments shown per month at most, newest first (and at most this many read to find them). */
export const MAX_PUBLIC_COMMENTS = 50;
const MAX_COMMENTS_READ = 300;

export async function publicUnit(agencyId: string, unitId: string): Promise<PublicUnit> {
  const unit = await ports().roster.getUnit(agencyId, unitId);
  if (!unit) throw new NotFoundError(`unit ${unitId}`, `Unit layanan ${unitId} tidak ditemukan`);
  return { unitId: unit.unitId, name: unit.name };
}

export interface PublicIkm {
  unit: PublicUnit;
  period: string;
  /** Undefined when no one answered in the month. */
  ikm?: UnitIkm;
  comments: { text: string; service?: string; createdAt: string }[];
}

/** A unit's IKM for `period` and its approved comments of that period (plain text: escape when shown). */
export async function publicIkm(agencyId: string, unitId: string, period: string): Promise<PublicIkm> {
  const unit = await publicUnit(agencyId, unitId);
  const ikm = await unitIkm(agencyId, unitId, period).catch((err: unknown) => {
    if (err instanceof NotFoundError) return undefined;
    throw err;
  });
  const found: CommentRecord[] = [];
  let start: Record<string, unknown> | undefined;
  let read = 0;
  do {
    const page = await ports().skm.commentsPage(agencyId, 'APPROVED', unitId, start, 100);
    read += page.items.length;
    found.push(...page.items.filter((c) => c.period === period));
    start = page.next;
  } while (start && read < MAX_COMMENTS_READ);
  const comments = found
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, MAX_PUBLIC_COMMENTS)
    .map((c) => ({ text: c.text, ...(c.service ? { service: c.service } : {}), createdAt: c.createdAt }));
  return { unit, period, ...(ikm ? { ikm } : {}), comments };
}
