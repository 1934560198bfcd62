/** What the public survey accepts: shapes by zod, SKM rules by the domain, text as plain text. */
import { describe, expect, it } from 'vitest';
import {
  CommentListQuerySchema,
  IdempotencyKeySchema,
  ModerationSchema,
  PeriodSchema,
  SubmissionSchema,
  UnitIdSchema,
} from '../../../shared/domain/skm/submission';
import { hasMarkup, namedNips, normaliseText, REDACTED, redactPersonalData } from '../../../shared/domain/skm/text';

const answers = [4, 3, 3, 4, 3, 4, 4, 3, 3];

describe('SubmissionSchema', () => {
  it('accepts a full submission and normalises its text', () => {
    const s = SubmissionSchema.parse({
      period: '2026-11',
      answers,
      comment: '  Pelayanan cepat.\r\n\r\n\r\n\r\nTerima kasih  ',
      service: ' KTP ',
      respondent: { ageGroup: '30_39', gender: 'P', education: 'SMA' },
    });
    expect(s.comment).toBe('Pelayanan cepat.\n\nTerima kasih');
    expect(s.service).toBe('KTP');
  });

  it('accepts a blank unsur as null (the domain requires at least one answer)', () => {
    const partial = [4, null, 3, 4, 3, null, 4, 3, 3];
    expect(SubmissionSchema.parse({ answers: partial }).answers).toEqual(partial);
  });

  it('accepts the minimum (answers only) and treats an empty comment as none', () => {
    expect(SubmissionSchema.parse({ answers })).toEqual({ answers });
    expect(SubmissionSchema.parse({ answers, comment: '   ' }).comment).toBeUndefined();
  });

  it.each([
    ['answers as strings', { answers: answers.map(String) }],
    ['answers missing', {}],
    ['answers not an array', { answers: 4 }],
    ['a string answer', { answers: [...answers.slice(0, 8), '4'] }],
    ['an unknown field', { answers, email: 'warga@example.com' }],
    ['an unknown respondent field', { answers, respondent: { name: 'Budi' } }],
    ['a respondent phone number', { answers, respondent: { phone: '08123456789' } }],
    ['an unknown age group', { answers, respondent: { ageGroup: '33' } }],
    ['a bad period', { answers, period: '2026-13' }],
    ['a period with a day', { answers, period: '2026-11-01' }],
    ['a <script> in the comment', { answers, comment: 'lambat <script>alert(1)</script>' }],
    ['an HTML tag in the comment', { answers, comment: 'klik <a href="x">di sini</a>' }],
    ['a javascript: URL in the comment', { answers, comment: 'lihat javascript:alert(1)' }],
    ['an HTML tag in the service', { answers, service: '<b>KTP</b>' }],
    ['a control character', { answers, comment: 'a\u0000b' }],
    ['a bidi override', { answers, comment: 'abc\u202Edef' }],
    ['a comment over 1000 characters', { answers, comment: 'a'.repeat(1001) }],
    ['a service over 100 characters', { answers, service: 'a'.repeat(101) }],
    ['an array body', [answers]],
  ])('rejects %s', (_name, body) => {
    expect(SubmissionSchema.safeParse(body).success).toBe(false);
  });

  it('leaves the SKM rules (count, 1–4, whole numbers) to the domain: the shape accepts any numbers', () => {
    expect(SubmissionSchema.safeParse({ answers: [0, 5, 2.5] }).success).toBe(true);
  });

  it('keeps prose with comparison signs: only markup is refused', () => {
    expect(hasMarkup('biaya < 5000 dan antrean > 1 jam')).toBe(false);
    expect(hasMarkup('<3 untuk petugasnya')).toBe(false);
    expect(hasMarkup('<img src=x onerror=alert(1)>')).toBe(true);
    expect(hasMarkup('<!-- x -->')).toBe(true);
    expect(hasMarkup('</script >')).toBe(true);
  });
});

describe('other inputs', () => {
  it.each(['kel-asemrowo', 'kec-asemrowo', 'UNIT_1.a'])('unit id %s is accepted', (id) => expect(UnitIdSchema.safeParse(id).success).toBe(true));
  it.each(['', 'kel#asemrowo', 'a b', '../x', '-x', 'x'.repeat(65)])('unit id %j is refused (it becomes part of a key)', (id) =>
    expect(UnitIdSchema.safeParse(id).success).toBe(false),
  );
  it.each(['2026-01', '2026-12'])('period %s is accepted', (p) => expect(PeriodSchema.safeParse(p).success).toBe(true));
  it.each(['2026-00', '2026-1', '26-01', '2026/01'])('period %s is refused', (p) => expect(PeriodSchema.safeParse(p).success).toBe(false));
  it('Idempotency-Key: 8–128 safe characters', () => {
    expect(IdempotencyKeySchema.safeParse('3b241101-e2bb-4255-8caf-4136c566a962').success).toBe(true);
    expect(IdempotencyKeySchema.safeParse('short').success).toBe(false);
    expect(IdempotencyKeySchema.safeParse('a b c d e f g h').success).toBe(false);
    expect(IdempotencyKeySchema.safeParse('k'.repeat(129)).success).toBe(false);
  });
  it('moderation: approve or reject, reason optional and plain text', () => {
    expect(ModerationSchema.parse({ decision: 'approve' })).toEqual({ decision: 'approve' });
    expect(ModerationSchema.safeParse({ decision: 'maybe' }).success).toBe(false);
    expect(ModerationSchema.safeParse({ decision: 'reject', reason: '<b>spam</b>' }).success).toBe(false);
    expect(ModerationSchema.safeParse({ decision: 'reject', extra: 1 }).success).toBe(false);
  });
  it('the comment list defaults to the PENDING queue, 50 a page', () => {
    expect(CommentListQuerySchema.parse({})).toEqual({ status: 'PENDING', limit: 50 });
    expect(CommentListQuerySchema.safeParse({ status: 'DELETED' }).success).toBe(false);
    expect(CommentListQuerySchema.safeParse({ limit: '1000' }).success).toBe(false);
  });
});

describe('comment text', () => {
  it('finds NIPs written together or grouped as on a name tag, once each, at most five', () => {
    expect(namedNips('Terima kasih Bu Siti (NIP 199407042024032006) dan 19831126 201304 2 001; 199407042024032006 lagi')).toEqual([
      '199407042024032006',
      '198311262013042001',
    ]);
    expect(namedNips('nomor antrean 12345678901234567890 dan NIK 3578012345678901')).toEqual([]);
    const six = Array.from({ length: 6 }, (_, i) => `19900101201501100${i}`).join(' ');
    expect(namedNips(six)).toHaveLength(5);
  });

  it("removes the citizen's own contact and identity data, keeps employees' NIPs", () => {
    const { text, redactions } = redactPersonalData(
      'Hubungi saya di 0812-3456-7890 atau +62 812 3456 7890 atau budi.s@mail.example.com, NIK 3578012345678901. Petugas NIP 199407042024032006 ramah.',
    );
    expect(redactions).toBe(4);
    expect(text).toBe(`Hubungi saya di ${REDACTED} atau ${REDACTED} atau ${REDACTED}, NIK ${REDACTED}. Petugas NIP 199407042024032006 ramah.`);
  });

  it('normalises line endings, blank lines and Unicode form', () => {
    expect(normaliseText(' e\u0301\r\n\n\n\nx ')).toBe('é\n\nx');
  });
});
