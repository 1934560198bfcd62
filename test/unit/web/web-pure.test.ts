/** The web app's pure parts: routes, problem+json placement, the SKP form, drafts, WIB dates, catalogues. */
import { describe, expect, it } from 'vitest';
import { EVALUATION_STATUSES } from '../../../shared/domain/lifecycle/status';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../../../web/src/drafts';
import { checkFile, MAX_EVIDENCE_BYTES } from '../../../web/src/evidence';
import { formatBytes, formatWib } from '../../../web/src/format';
import { fill, initialLocale } from '../../../web/src/i18n';
import { en } from '../../../web/src/i18n/en';
import { id } from '../../../web/src/i18n/id';
import { fieldFor, fieldId, localErrors, problemDetail, showProblem } from '../../../web/src/problem';
import { matchRoute } from '../../../web/src/routes';
import { checkSkpDraft, emptySkp, fromApiSkp, parseNumber, skpFieldPaths, toApiSkp } from '../../../web/src/skp-form';

const NIP = '199001012015031001';

describe('routes: the agreed URL scheme', () => {
  it.each([
    ['/', { name: 'home' }],
    ['/siklus/kec-asemrowo-2026/skp', { name: 'skp', cycleId: 'kec-asemrowo-2026' }],
    ['/siklus/kec-asemrowo-2026/progres/', { name: 'progress', cycleId: 'kec-asemrowo-2026' }],
    ['/siklus/kec-asemrowo-2026/hasil', { name: 'result', cycleId: 'kec-asemrowo-2026' }],
    ['/siklus/kec-asemrowo-2026/tim', { name: 'team', cycleId: 'kec-asemrowo-2026' }],
    [`/siklus/kec-asemrowo-2026/tim/${NIP}`, { name: 'member', cycleId: 'kec-asemrowo-2026', nip: NIP }],
    [`/siklus/kec-asemrowo-2026/umpan-balik/${NIP}`, { name: 'feedback', cycleId: 'kec-asemrowo-2026', nip: NIP }],
    ['/keputusan', { name: 'decisions' }],
    ['/masuk/callback', { name: 'callback' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });
  it('anything else is not found (a short NIP, an unknown page, an upper-case cycle)', () => {
    expect(matchRoute('/siklus/kec-asemrowo-2026/tim/1234').name).toBe('notFound');
    expect(matchRoute('/hr/cycles').name).toBe('notFound');
    expect(matchRoute('/siklus/KEC/skp').name).toBe('notFound');
  });
});

describe('problem+json beside the field it concerns', () => {
  const known = ['rhk.0.description', 'rhk.0.parentRhkId', 'rhk.0.indicators.0.target.value', 'rhk.0.indicators.0.target.unit', 'rhk.0.indicators'];
  it('an exact path lands on its field; an object path on its first field inside; a deeper path on its nearest known parent', () => {
    expect(fieldFor('rhk.0.parentRhkId', known)).toBe('rhk.0.parentRhkId');
    expect(fieldFor('rhk.0.indicators.0.target', known)).toBe('rhk.0.indicators.0.target.value');
    expect(fieldFor('rhk.0.indicators.3.id', known)).toBe('rhk.0.indicators');
    expect(fieldFor('(body)', known)).toBeUndefined();
  });
  it('shows each message in the user language, in the summary and beside the field; a problem without fields shows its detail', () => {
    const p = {
      status: 422,
      detail: 'SKP tidak valid',
      detail_en: 'SKP invalid',
      errors: [
        { field: 'rhk.0.parentRhkId', id: 'RHK atasan tidak dikenal', en: 'Unknown superior RHK' },
        { field: '(body)', id: 'Periksa isian', en: 'Check the form' },
      ],
    };
    const idShown = showProblem(p, 'id', known);
    expect(idShown.byField).toEqual({ 'rhk.0.parentRhkId': 'RHK atasan tidak dikenal' });
    expect(idShown.summary).toEqual([{ text: 'RHK atasan tidak dikenal', field: 'rhk.0.parentRhkId' }, { text: 'Periksa isian' }]);
    expect(showProblem(p, 'en', known).byField['rhk.0.parentRhkId']).toBe('Unknown superior RHK');
    expect(showProblem({ status: 409, detail: 'Tahap sudah lewat', detail_en: 'Stage is over' }, 'en', known).summary).toEqual([{ text: 'Stage is over' }]);
    expect(problemDetail({ status: 500 }, 'id')).toBe('500');
  });
  it('field ids are safe DOM ids; local errors take the same shape', () => {
    expect(fieldId('rhk.0.indicators.1.target.value')).toBe('f-rhk-0-indicators-1-target-value');
    expect(localErrors({ reason: 'Wajib diisi' })).toEqual({ byField: { reason: 'Wajib diisi' }, summary: [{ text: 'Wajib diisi', field: 'reason' }] });
  });
});

describe('the SKP form', () => {
  it('parses numbers as people type them', () => {
    expect(parseNumber('1.500')).toBe(1500);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber(' 95 ')).toBe(95);
    expect(parseNumber('sembilan')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });
  it('turns the form into the API SKP with positional ids, the parent RHK, both kinds of target; and back', () => {
    const draft = emptySkp();
    draft.rhk[0] = {
      jenis: 'utama',
      description: ' Layanan aplikasi ',
      parentRhkId: 'rhk-1',
      indicators: [
        { description: 'Ketersediaan', kind: 'quantitative', value: '99,5', unit: 'persen', direction: 'higherIsBetter', expectation: '' },
        { description: 'Kepuasan', kind: 'qualitative', value: '', unit: '', direction: 'higherIsBetter', expectation: 'Tanpa keluhan' },
      ],
    };
    const skp = toApiSkp(draft, NIP, 2026);
    expect(skp).toEqual({
      nip: NIP,
      period: { start: '2026-01-01', end: '2026-12-31' },
      rhk: [
        {
          id: 'rhk-1',
          jenis: 'utama',
          description: 'Layanan aplikasi',
          parentRhkId: 'rhk-1',
          indicators: [
            { id: 'iki-1-1', description: 'Ketersediaan', target: { kind: 'quantitative', value: 99.5, unit: 'persen', direction: 'higherIsBetter' } },
            { id: 'iki-1-2', description: 'Kepuasan', target: { kind: 'qualitative', expectation: 'Tanpa keluhan' } },
          ],
        },
      ],
    });
    expect(toApiSkp(fromApiSkp(skp), NIP, 2026)).toEqual(skp);
  });
  it('checks required texts, numbers and the parent RHK before sending, naming the fields the server would', () => {
    const errors = checkSkpDraft(emptySkp(), true, { required: 'R', number: 'N' });
    expect(errors).toEqual({
      'rhk.0.description': 'R',
      'rhk.0.parentRhkId': 'R',
      'rhk.0.indicators.0.description': 'R',
      'rhk.0.indicators.0.target.value': 'N',
      'rhk.0.indicators.0.target.unit': 'R',
    });
    expect(checkSkpDraft(emptySkp(), false, { required: 'R', number: 'N' })['rhk.0.parentRhkId']).toBeUndefined();
    expect(skpFieldPaths(emptySkp())).toEqual(expect.arrayContaining(Object.keys(errors)));
  });
});

describe('drafts survive a lost session', () => {
  const store = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
  };
  it('saves, loads and clears per person, cycle and form', () => {
    const s = store();
    const key = draftKey(NIP, 'kec-asemrowo-2026', 'skp');
    saveDraft(s, key, { rhk: [] }, new Date('2026-01-05T03:00:00Z'));
    expect(loadDraft(s, key)).toEqual({ value: { rhk: [] }, savedAt: '2026-01-05T03:00:00.000Z' });
    expect(loadDraft(s, draftKey(NIP, 'kec-asemrowo-2026', 'progress'))).toBeUndefined();
    clearDraft(s, key);
    expect(loadDraft(s, key)).toBeUndefined();
  });
  it('a broken or refused store never breaks the form', () => {
    const s = store();
    s.m.set('k', '{not json');
    expect(loadDraft(s, 'k')).toBeUndefined();
    const full = {
      ...s,
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
    };
    expect(saveDraft(full, 'k', 1).value).toBe(1);
  });
});

describe('dates in WIB, sizes, files, languages', () => {
  it('formats an instant in Asia/Jakarta with WIB named, in either language', () => {
    expect(formatWib('2026-01-31T17:30:00Z', 'id')).toMatch(/1 Februari 2026.*00[.:]30 WIB$/);
    expect(formatWib('2026-01-31T17:30:00Z', 'en')).toMatch(/1 February 2026.*00:30 WIB$/);
    expect(formatWib(undefined, 'id')).toBe('—');
  });
  it('formats sizes and checks evidence files before upload', () => {
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(checkFile({ size: 1000, type: 'application/pdf' })).toBe('ok');
    expect(checkFile({ size: MAX_EVIDENCE_BYTES + 1, type: 'image/png' })).toBe('tooLarge');
    expect(checkFile({ size: 10, type: 'application/x-msdownload' })).toBe('type');
  });
  it('Indonesian first; English only when chosen; placeholders filled', () => {
    expect(initialLocale(null)).toBe('id');
    expect(initialLocale('en')).toBe('en');
    expect(fill('Halo, {name}', { name: 'Siti' })).toBe('Halo, Siti');
  });
  it('both catalogues have the same keys, every value filled', () => {
    const keysOf = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keysOf(en).sort()).toEqual(keysOf(id).sort());
    for (const cat of [id, en]) expect(keysOf(cat).every((k) => k.split('.').reduce((o: any, p) => o[p], cat))).toBe(true);
  });
});

describe('the stored session (read without loading oidc-client-ts)', () => {
  const storage = (entries: Record<string, string>) => ({
    length: Object.keys(entries).length,
    key: (i: number) => Object.keys(entries)[i] ?? null,
    getItem: (k: string) => entries[k] ?? null,
  });
  it('finds the oidc-client-ts user, refuses an expired or broken one', async () => {
    const { storedSession } = await import('../../../web/src/auth');
    const key = 'oidc.user:https://idp.example/:asn-kinerja';
    expect(storedSession(storage({ other: 'x', [key]: JSON.stringify({ access_token: 'a', expires_at: 2000 }) }), 1_000_000)).toEqual({
      access_token: 'a',
      expires_at: 2000,
    });
    expect(storedSession(storage({ [key]: JSON.stringify({ access_token: 'a', expires_at: 1000 }) }), 1_000_000)).toBeUndefined();
    expect(storedSession(storage({ [key]: '{' }), 0)).toBeUndefined();
    expect(storedSession(storage({}), 0)).toBeUndefined();
  });
});

describe("the app's status names", () => {
  it('name every evaluation status of the lifecycle, in its order, in both languages (the HR filter lists them)', () => {
    expect(Object.keys(id.status)).toEqual([...EVALUATION_STATUSES]);
    expect(Object.keys(en.status)).toEqual([...EVALUATION_STATUSES]);
  });
});
