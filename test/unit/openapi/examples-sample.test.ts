/** The document's examples name people, units and indicators of the sample roster, so they work against `npm start -- --keep`. */
import { describe, expect, it } from 'vitest';
import { loadSampleAgency } from '../../../local/sample/schema';
import { API_DOCS } from '../../../shared/http/api-docs';

const sample = loadSampleAgency();
const people = new Set(sample.employees.map((e) => e.nip));
const units = new Set(sample.units.map((u) => u.unitId));
const indicators = new Set(sample.plans.flatMap((p) => p.skp.rhk.flatMap((r) => r.indicators.map((i) => i.id))));

/** Every [key, value] pair in a JSON value. */
function* pairs(v: unknown, key = ''): Generator<[string, unknown]> {
  if (Array.isArray(v)) for (const x of v) yield* pairs(x, key);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) yield* pairs(x, k);
  else yield [key, v];
}

// The roster import brings new people; a joiner is new by definition: their own NIP is not in the roster yet.
const NEW_PEOPLE: Record<string, string[]> = { 'POST /v1/roster/import': ['*'], 'POST /v1/cycles/{cycleId}/members': ['nip'] };

describe('examples in the OpenAPI document fit the sample roster', () => {
  const withBody = Object.entries(API_DOCS).filter(([, d]) => d.body && typeof d.body.example === 'object');
  it.each(withBody)('%s', (route, d) => {
    let checked = 0;
    for (const [key, value] of pairs(d.body!.example)) {
      if (NEW_PEOPLE[route]?.includes('*') || NEW_PEOPLE[route]?.includes(key)) continue;
      if (typeof value === 'string' && /^\d{18}$/.test(value)) {
        expect(people, `${route}: ${key} ${value}`).toContain(value);
        checked++;
      }
      if (key === 'unitId') expect(units, `${route}: unit ${value}`).toContain(value);
      if (key === 'indicatorId') expect(indicators, `${route}: indicator ${value}`).toContain(value);
    }
    if (NEW_PEOPLE[route]?.includes('nip')) expect(people).not.toContain((d.body!.example as { nip: string }).nip);
    expect(checked).toBeGreaterThanOrEqual(0);
  });
});
