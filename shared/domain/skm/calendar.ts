/**
 * Calendar of the survey in Asia/Jakarta (WIB, UTC+7, no daylight saving): the survey period is a
 * month (`YYYY-MM`), the per-client limit a day (`YYYY-MM-DD`). Pure functions of an instant.
 */
const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function wib(now: Date): Date {
  return new Date(now.getTime() + WIB_OFFSET_MS);
}

/** The survey period (month) an instant falls in, in Asia/Jakarta: `2026-11`. */
export function periodOf(now: Date): string {
  const d = wib(now);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}`;
}

/** The day an instant falls on, in Asia/Jakarta: `2026-11-29`. */
export function dayOf(now: Date): string {
  const d = wib(now);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The month before `YYYY-MM`. */
export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${pad(y - 1, 4)}-12` : `${pad(y, 4)}-${pad(m - 1)}`;
}

/** The next midnight in Asia/Jakarta after `now`. */
export function nextJakartaMidnight(now: Date): Date {
  const local = now.getTime() + WIB_OFFSET_MS;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS + DAY_MS - WIB_OFFSET_MS);
}

/** Whole seconds until the next Jakarta day starts (at least 1): the Retry-After of the daily limit. */
export function secondsUntilNextDay(now: Date): number {
  return Math.max(1, Math.ceil((nextJakartaMidnight(now).getTime() - now.getTime()) / 1000));
}

export const epochSeconds = (d: Date) => Math.floor(d.getTime() / 1000);
