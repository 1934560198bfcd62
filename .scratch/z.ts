import * as z from 'zod';
const s = z.object({ a: z.enum(['x','y']), n: z.number().int().min(3), e: z.email(), nip: z.string().regex(/^\d{18}$/, 'NIP harus 18 digit / NIP must be 18 digits') });
const id = z.locales.id().localeError; const en = z.locales.en().localeError;
const r = s.safeParse({ a: 'q', n: 1.5, e: 'no', nip: '1' }, { error: (iss) => `${(id as any)(iss)?.message ?? id(iss)}` , reportInput: true});
console.log(JSON.stringify(r.error!.issues, null, 1));
const r2 = s.safeParse({ n: 'x' });
for (const i of r2.error!.issues) console.log(i.message, '|', id(i as any), '|', en(i as any));
