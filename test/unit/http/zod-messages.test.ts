import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { problemResponse } from '../../../shared/http/problem';

const Body = z.object({
  lang: z.enum(['id', 'en']),
  year: z.number().int(),
  nip: z.string().regex(/^\d{18}$/, 'NIP harus 18 digit / NIP must be 18 digits'),
});
const problemOf = (input: unknown, reportInput: boolean) => {
  const r = Body.safeParse(input, { reportInput });
  expect(r.success).toBe(false);
  return JSON.parse(problemResponse(r.error, '/x').body as string) as { errors: { field: string; id: string; en: string }[] };
};

describe('zod messages: Indonesian and English through zod’s own locales, one language per message', () => {
  it('a body parsed by the router (input reported): each field in both languages, no English in the Indonesian text', () => {
    const p = problemOf({ lang: 'AAA', year: 'x', nip: '1' }, true);
    const lang = p.errors.find((e) => e.field === 'lang')!;
    expect(lang.id).toBe('Isian lang tidak valid: Pilihan tidak valid: diharapkan salah satu dari "id"|"en"');
    expect(lang.en).toBe('lang: Invalid option: expected one of "id"|"en"');
    const year = p.errors.find((e) => e.field === 'year')!;
    expect(year.id).toMatch(/diharapkan number, diterima string/);
    expect(year.en).toMatch(/expected number, received string/);
    for (const e of p.errors) expect(e.id).not.toMatch(/Invalid|expected|received/);
  });
  it('a schema’s own bilingual message is split, not re-worded', () => {
    const nip = problemOf({ lang: 'id', year: 1, nip: '1' }, true).errors.find((e) => e.field === 'nip')!;
    expect(nip.id).toBe('Isian nip tidak valid: NIP harus 18 digit');
    expect(nip.en).toBe('nip: NIP must be 18 digits');
  });
  it('a parse without the input (a handler’s own query parse) still words zod’s defaults in Indonesian', () => {
    const p = problemOf({ lang: 'xx' }, false);
    expect(p.errors.find((e) => e.field === 'lang')!.id).toMatch(/Pilihan tidak valid/);
    expect(p.errors.find((e) => e.field === 'year')!.id).toMatch(/Input tidak valid: diharapkan number/);
  });
});
