/** The SKP editor's form state and its conversion to the API's SKP (shared/domain/skp.ts's shape), pure. */

export interface IndicatorDraft {
  description: string;
  kind: 'quantitative' | 'qualitative';
  value: string;
  unit: string;
  direction: 'higherIsBetter' | 'lowerIsBetter';
  expectation: string;
}
export interface RhkDraft {
  jenis: 'utama' | 'tambahan';
  description: string;
  parentRhkId: string;
  indicators: IndicatorDraft[];
}
export interface SkpDraft {
  rhk: RhkDraft[];
}

export const emptyIndicator = (): IndicatorDraft => ({
  description: '',
  kind: 'quantitative',
  value: '',
  unit: '',
  direction: 'higherIsBetter',
  expectation: '',
});
export const emptyRhk = (jenis: RhkDraft['jenis'] = 'utama'): RhkDraft => ({ jenis, description: '', parentRhkId: '', indicators: [emptyIndicator()] });
export const emptySkp = (): SkpDraft => ({ rhk: [emptyRhk()] });

/** A number as people type it: "1.500" or "1,5" (Indonesian) or "1500". */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, '');
  if (!t) return undefined;
  let normal = t;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) normal = t.replace(/\./g, '').replace(',', '.');
  else normal = t.replace(',', '.');
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
}

interface ApiTarget {
  kind: 'quantitative' | 'qualitative';
  value?: number;
  unit?: string;
  direction?: string;
  expectation?: string;
}
export interface ApiSkp {
  nip: string;
  period: { start: string; end: string };
  rhk: {
    id: string;
    jenis: 'utama' | 'tambahan';
    description: string;
    parentRhkId?: string;
    indicators: { id: string; description: string; target: ApiTarget }[];
  }[];
}

/**
 * The SKP the API receives. Ids are positional (`rhk-1`, `iki-1-2`): the server checks them unique.
 * A number that does not parse is sent as text so the server's message names the field.
 */
export function toApiSkp(draft: SkpDraft, nip: string, year: number): ApiSkp {
  return {
    nip,
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    rhk: draft.rhk.map((r, i) => ({
      id: `rhk-${i + 1}`,
      jenis: r.jenis,
      description: r.description.trim(),
      ...(r.parentRhkId ? { parentRhkId: r.parentRhkId } : {}),
      indicators: r.indicators.map((ind, j) => ({
        id: `iki-${i + 1}-${j + 1}`,
        description: ind.description.trim(),
        target:
          ind.kind === 'quantitative'
            ? { kind: 'quantitative', value: (parseNumber(ind.value) ?? ind.value) as number, unit: ind.unit.trim(), direction: ind.direction }
            : { kind: 'qualitative', expectation: ind.expectation.trim() },
      })),
    })),
  };
}

/** The form state of a stored SKP (to fix a returned one). */
export function fromApiSkp(skp: ApiSkp): SkpDraft {
  return {
    rhk: skp.rhk.map((r) => ({
      jenis: r.jenis,
      description: r.description,
      parentRhkId: r.parentRhkId ?? '',
      indicators: r.indicators.map((ind) => ({
        description: ind.description,
        kind: ind.target.kind,
        value: ind.target.value !== undefined ? String(ind.target.value) : '',
        unit: ind.target.unit ?? '',
        direction: ind.target.direction === 'lowerIsBetter' ? 'lowerIsBetter' : 'higherIsBetter',
        expectation: ind.target.expectation ?? '',
      })),
    })),
  };
}

/** Checks before sending (the server checks again): required texts, numbers, the parent RHK when required. */
export function checkSkpDraft(draft: SkpDraft, parentRequired: boolean, msg: { required: string; number: string }): Record<string, string> {
  const errors: Record<string, string> = {};
  draft.rhk.forEach((r, i) => {
    if (!r.description.trim()) errors[`rhk.${i}.description`] = msg.required;
    if (parentRequired && !r.parentRhkId) errors[`rhk.${i}.parentRhkId`] = msg.required;
    r.indicators.forEach((ind, j) => {
      const at = `rhk.${i}.indicators.${j}`;
      if (!ind.description.trim()) errors[`${at}.description`] = msg.required;
      if (ind.kind === 'quantitative') {
        const n = parseNumber(ind.value);
        if (n === undefined || n <= 0) errors[`${at}.target.value`] = msg.number;
        if (!ind.unit.trim()) errors[`${at}.target.unit`] = msg.required;
      } else if (!ind.expectation.trim()) errors[`${at}.target.expectation`] = msg.required;
    });
  });
  return errors;
}

/** Every field path of the form (for placing the server's messages). */
export function skpFieldPaths(draft: SkpDraft): string[] {
  const out = ['rhk'];
  draft.rhk.forEach((r, i) => {
    out.push(`rhk.${i}.jenis`, `rhk.${i}.description`, `rhk.${i}.parentRhkId`, `rhk.${i}.indicators`);
    r.indicators.forEach((ind, j) => {
      const at = `rhk.${i}.indicators.${j}`;
      out.push(`${at}.description`);
      if (ind.kind === 'quantitative') out.push(`${at}.target.value`, `${at}.target.unit`, `${at}.target.direction`);
      else out.push(`${at}.target.expectation`);
    });
  });
  return out;
}
