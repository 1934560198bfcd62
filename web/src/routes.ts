/** The app's URLs (the agreed scheme: emails and reminders link to them), matched without a router library. */
export type Route =
  | { name: 'home' }
  | { name: 'skp'; cycleId: string }
  | { name: 'progress'; cycleId: string }
  | { name: 'result'; cycleId: string }
  | { name: 'team'; cycleId: string }
  | { name: 'member'; cycleId: string; nip: string }
  | { name: 'feedback'; cycleId: string; nip: string }
  | { name: 'decisions' }
  // HR console (pengelola kinerja): its own chunks, shown to the HR role.
  | { name: 'hrHome' }
  | { name: 'hrCycle'; cycleId: string }
  | { name: 'hrCalibration'; cycleId: string }
  | { name: 'hrEvaluations'; cycleId: string }
  | { name: 'hrEvaluation'; cycleId: string; nip: string }
  | { name: 'hrRaterBias'; cycleId: string }
  | { name: 'hrRoster' }
  | { name: 'hrSkm' }
  | { name: 'hrCoaching' }
  | { name: 'callback' }
  | { name: 'silent' }
  | { name: 'notFound' };

const CYCLE = '([a-z0-9-]{3,64})';
const NIP = '(\\d{18})';
const TABLE: [RegExp, (m: string[]) => Route][] = [
  [/^\/$/, () => ({ name: 'home' })],
  [new RegExp(`^/siklus/${CYCLE}/skp$`), (m) => ({ name: 'skp', cycleId: m[1]! })],
  [new RegExp(`^/siklus/${CYCLE}/progres$`), (m) => ({ name: 'progress', cycleId: m[1]! })],
  [new RegExp(`^/siklus/${CYCLE}/hasil$`), (m) => ({ name: 'result', cycleId: m[1]! })],
  [new RegExp(`^/siklus/${CYCLE}/tim$`), (m) => ({ name: 'team', cycleId: m[1]! })],
  [new RegExp(`^/siklus/${CYCLE}/tim/${NIP}$`), (m) => ({ name: 'member', cycleId: m[1]!, nip: m[2]! })],
  [new RegExp(`^/siklus/${CYCLE}/umpan-balik/${NIP}$`), (m) => ({ name: 'feedback', cycleId: m[1]!, nip: m[2]! })],
  [/^\/keputusan$/, () => ({ name: 'decisions' })],
  [/^\/hr$/, () => ({ name: 'hrHome' })],
  [new RegExp(`^/hr/siklus/${CYCLE}$`), (m) => ({ name: 'hrCycle', cycleId: m[1]! })],
  [new RegExp(`^/hr/siklus/${CYCLE}/kalibrasi$`), (m) => ({ name: 'hrCalibration', cycleId: m[1]! })],
  [new RegExp(`^/hr/siklus/${CYCLE}/evaluasi$`), (m) => ({ name: 'hrEvaluations', cycleId: m[1]! })],
  [new RegExp(`^/hr/siklus/${CYCLE}/evaluasi/${NIP}$`), (m) => ({ name: 'hrEvaluation', cycleId: m[1]!, nip: m[2]! })],
  [new RegExp(`^/hr/siklus/${CYCLE}/bias-penilai$`), (m) => ({ name: 'hrRaterBias', cycleId: m[1]! })],
  [/^\/hr\/pegawai$/, () => ({ name: 'hrRoster' })],
  [/^\/hr\/skm$/, () => ({ name: 'hrSkm' })],
  [/^\/hr\/pembinaan$/, () => ({ name: 'hrCoaching' })],
  [/^\/masuk\/callback$/, () => ({ name: 'callback' })],
  [/^\/masuk\/senyap$/, () => ({ name: 'silent' })],
];

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [re, make] of TABLE) {
    const m = re.exec(path);
    if (m) return make(m as unknown as string[]);
  }
  return { name: 'notFound' };
}
