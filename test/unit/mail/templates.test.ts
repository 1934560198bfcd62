import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutboxMailer, readOutbox } from '../../../shared/adapters/mail/outbox';
import { EvaluationSummarySchema, SkpSummarySchema } from '../../../shared/adapters/mail/summary';
import {
  MAX_EMAIL_HTML_BYTES,
  type RenderedMail,
  renderApprovalDigest,
  renderDelegationNotice,
  renderEscalation,
  renderObjectionDigest,
  renderOutcomeNotice,
  renderReminder,
  renderResultNotice,
  renderSkpApprovalRequest,
} from '../../../shared/adapters/mail/templates';
import type { Locale } from '../../../shared/adapters/render/i18n';
import { DANGEROUS, evaluation, hostile, objection, skp, XSS } from './fixtures';

const deadline = new Date('2027-01-15T09:00:00Z'); // 16.00 WIB
const recipient = { name: 'Drs. Ahmad Hidayat, M.Si.' };

function all(locale: Locale): Record<string, RenderedMail> {
  return {
    digest: renderApprovalDigest({
      locale,
      recipient,
      stageLabel: 'Persetujuan akhir 2026',
      deadline,
      items: [evaluation(1), evaluation(2)],
      actAllUrl: 'https://kinerja.local/v1/decisions/batch_000000001?a=view',
    }),
    skp: renderSkpApprovalRequest({ locale, recipient, stageLabel: 'Perencanaan 2027', deadline, items: [skp(1), skp(2)] }),
    reminder: renderReminder({
      locale,
      recipient,
      stageLabel: 'Persetujuan akhir 2026',
      deadline,
      items: [{ task: 'approveEvaluation', employee: evaluation(1).employee, url: 'https://kinerja.local/keputusan' }],
    }),
    escalation: renderEscalation({
      locale,
      recipient: { name: 'Sekretaris Daerah' },
      stageLabel: 'Persetujuan akhir 2026',
      pendingSince: new Date('2027-01-01T01:00:00Z'),
      deadline,
      late: [
        {
          person: { name: 'Drs. Ahmad Hidayat', jabatan: 'Camat Asemrowo', nip: '197001011995031001' },
          items: [{ task: 'approveEvaluation', employee: evaluation(1).employee, url: 'https://kinerja.local/v1/decisions/x?a=view' }],
        },
      ],
      dashboardUrl: 'https://kinerja.local/hr/monitoring',
    }),
    objection: renderObjectionDigest({ locale, recipient, stageLabel: 'Masa keberatan 2026', deadline, items: [objection(1)] }),
    notice: renderOutcomeNotice({
      locale,
      recipient: { name: 'Pegawai Nomor 1' },
      kind: 'skpReturned',
      cycleLabel: '2026',
      subject: { name: 'Pegawai Nomor 1', nip: '198001012005011001' },
      decidedBy: 'Ratna Kusumawati',
      decidedAt: new Date('2026-01-05T03:00:00Z'),
      reason: 'Mohon indikator RHK 1 dibuat terukur.',
      url: 'https://kinerja.local/siklus/c-2026/skp',
    }),
    result: renderResultNotice({
      locale,
      recipient: { name: 'Pegawai Nomor 1' },
      cycleLabel: '2026',
      predikat: 'Baik',
      resultsRating: 'Sesuai Ekspektasi',
      behaviourRating: 'Di Atas Ekspektasi',
      finalisedAt: new Date('2027-01-20T03:00:00Z'),
      objectionDeadline: new Date('2027-02-03T03:00:00Z'),
      approverName: 'Camat Asemrowo',
      objectionUrl: 'https://kinerja.local/keberatan',
    }),
    delegation: renderDelegationNotice({
      locale,
      audience: 'delegate',
      recipient: { name: 'Sri Wahyuni' },
      kind: 'plt',
      delegator: { name: 'Drs. Ahmad Hidayat', jabatan: 'Camat Asemrowo' },
      delegate: { name: 'Sri Wahyuni', jabatan: 'Sekretaris Kecamatan' },
      from: new Date('2027-01-05T00:00:00+07:00'),
      until: new Date('2027-01-20T00:00:00+07:00'),
    }),
  };
}

describe('all templates, both locales', () => {
  for (const locale of ['id', 'en'] as const) {
    for (const [name, mail] of Object.entries(all(locale))) {
      it(`${name} (${locale}) is a complete, self-contained email`, () => {
        expect(mail.subject.length).toBeGreaterThan(5);
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.html).toMatch(/^<!DOCTYPE html>/);
        expect(mail.html).toContain(`<html lang="${locale}">`);
        expect(mail.html).toContain('name="viewport"');
        // inline CSS only, no external assets, no scripts
        expect(mail.html).not.toMatch(/<link\b|<style\b|<script\b|<img\b|\bsrc=|url\(|@import/i);
        // every placeholder was filled
        expect(mail.html).not.toMatch(/\{[a-zA-Z]+\}/);
        expect(mail.text).not.toMatch(/\{[a-zA-Z]+\}/);
        expect(mail.text).not.toMatch(/<[a-z]/i);
        expect(mail.text).toContain(locale === 'id' ? 'Yth. Bapak/Ibu' : 'Dear ');
      });
    }
  }

  it('subjects and bodies differ between locales', () => {
    const id = all('id');
    const en = all('en');
    for (const name of Object.keys(id)) {
      expect(id[name]?.subject).not.toBe(en[name]?.subject);
      expect(id[name]?.text).not.toBe(en[name]?.text);
    }
  });

  it('defaults to Bahasa Indonesia', () => {
    const mail = renderApprovalDigest({ recipient, stageLabel: 'Tahap', deadline, items: [evaluation(1)] });
    expect(mail.subject).toContain('Persetujuan penilaian kinerja');
    expect(mail.html).toContain('<html lang="id">');
  });
});

describe('renderApprovalDigest', () => {
  const items = [evaluation(1), evaluation(2), evaluation(3)];
  const mail = renderApprovalDigest({
    locale: 'id',
    recipient,
    stageLabel: 'Persetujuan akhir 2026',
    deadline,
    items,
    actAllUrl: 'https://kinerja.local/v1/decisions/batch_000000001?a=view',
  });
  const amp = (u: string) => u.replace(/&/g, '&amp;');

  it('lists every pending item with both buttons, in HTML and text', () => {
    for (const item of items) {
      expect(mail.html).toContain(item.employee.name);
      expect(mail.html).toContain(item.employee.nip);
      expect(mail.html).toContain(`href="${amp(item.approveUrl)}"`);
      expect(mail.html).toContain(`href="${amp(item.returnUrl)}"`);
      expect(mail.text).toContain(item.employee.nip);
      expect(mail.text).toContain(`Setujui: ${item.approveUrl}`);
      expect(mail.text).toContain(`Kembalikan: ${item.returnUrl}`);
    }
    expect(mail.html.match(/>Setujui</g)).toHaveLength(3);
    expect(mail.html.match(/>Kembalikan</g)).toHaveLength(3);
    expect(mail.subject).toContain('3 pegawai');
  });

  it('shows the summary: jabatan, unit, RHK table with targets, realisations, achievement, ratings, predikat', () => {
    for (const text of [
      'Pengadministrasi Perkantoran',
      'Kelurahan Asemrowo',
      'Rencana Hasil Kerja (RHK)',
      'RHK 1 (Utama)',
      'RHK 2 (Tambahan)',
      '>Indikator<',
      '>Target<',
      '>Realisasi<',
      '>Capaian<',
      '97 %',
      '107,8 %',
      'Rating Hasil Kerja',
      'Rating Perilaku Kerja',
      'Usulan Predikat Kinerja',
      'Di Atas Ekspektasi',
    ]) {
      expect(mail.html).toContain(text);
    }
    expect(mail.html).toContain('–'); // achievement not available
    expect(mail.text).toContain('Capaian 107,8 %');
  });

  it('states the deadline in WIB and offers "act on all" only when given', () => {
    expect(mail.html).toContain('15 Januari 2027 pukul 16.00 WIB');
    expect(mail.html).toContain('href="https://kinerja.local/v1/decisions/batch_000000001?a=view"');
    expect(mail.text).toContain('Setujui semua (periksa daftarnya dulu): https://kinerja.local/v1/decisions/batch_000000001?a=view');
    const without = renderApprovalDigest({ locale: 'id', recipient, stageLabel: 'x', deadline, items });
    expect(without.html).not.toContain('Setujui semua');
  });

  it('escapes everything an employee or citizen could type', () => {
    const evil = renderApprovalDigest({
      locale: 'id',
      recipient: { name: XSS },
      stageLabel: `<script>stage</script>`,
      deadline,
      items: [hostile()],
    });
    for (const pattern of DANGEROUS) expect(evil.html).not.toMatch(pattern);
    expect(evil.html).toContain('Siti &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(evil.html).toContain('Unit &quot;A&quot; &amp; B');
    expect(evil.html).toContain('&#39;&gt;&lt;svg onload=alert(1)&gt;');
    // the plain text part keeps the text as typed (it is not HTML)
    expect(evil.text).toContain(`Siti ${XSS}`);
  });

  it('neutralises non-http(s) URLs', () => {
    const evil = renderApprovalDigest({
      locale: 'id',
      recipient,
      stageLabel: 'x',
      deadline,
      items: [{ ...evaluation(1), approveUrl: 'javascript:alert(1)' as string }],
      actAllUrl: 'data:text/html,<script>alert(1)</script>',
    });
    expect(evil.html).not.toMatch(/href="(javascript|data):/i);
    expect(evil.html).toContain('href="#"');
  });

  it('English version', () => {
    const en = renderApprovalDigest({ locale: 'en', recipient, stageLabel: 'final approval', deadline, items });
    expect(en.subject).toBe('Performance evaluations awaiting your decision: 3');
    expect(en.html).toContain('>Approve<');
    expect(en.html).toContain('>Return<');
    expect(en.html).toContain('15 January 2027 at 16:00 WIB');
    expect(en.text).toContain('Dear Drs. Ahmad Hidayat, M.Si.,');
  });

  it('its links survive the outbox (the local driver finds them there)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'outbox-digest-'));
    await new OutboxMailer(dir).send({ to: ['camat@surabaya.go.id'], ...mail, idempotencyKey: 'digest:1' });
    const [sent] = await readOutbox(dir);
    expect(sent?.subject).toBe(mail.subject);
    expect(sent?.links).toEqual([...items.flatMap((i) => [i.approveUrl, i.returnUrl]), 'https://kinerja.local/v1/decisions/batch_000000001?a=view']);
  });
});

describe('other templates', () => {
  it('SKP request shows targets and intervensi, no realisation columns', () => {
    const mail = renderSkpApprovalRequest({ locale: 'id', recipient, stageLabel: 'Perencanaan 2027', deadline, items: [skp(1), skp(2)] });
    expect(mail.subject).toBe('Persetujuan SKP: 2 pegawai menunggu persetujuan Anda');
    expect(mail.html).toContain('Mendukung RHK atasan: Meningkatnya kualitas pelayanan publik kecamatan');
    expect(mail.html).not.toContain('>Realisasi<');
    expect(mail.html).toContain('Pejabat Penilai Kinerja');
  });

  it('reminder says what to do for the role, with the app page to do it, and the deadline', () => {
    const { reminder } = all('id');
    expect(reminder?.subject).toBe('Pengingat: Setujui atau kembalikan penilaian kinerja Pegawai Nomor 1 sebelum 15 Januari 2027 pukul 16.00 WIB');
    expect(reminder?.text).toContain('15 Januari 2027 pukul 16.00 WIB');
    expect(reminder?.text).toContain('Buka halaman tugas: https://kinerja.local/keputusan');
    expect(reminder?.text).not.toContain('/v1/');
    const own = renderReminder({ recipient, stageLabel: 'Perencanaan', deadline, items: [{ task: 'ownSkp', url: 'https://kinerja.local/siklus/c/skp' }] });
    expect(own.subject).toContain('silakan lengkapi dan ajukan SKP Anda');
    expect(own.text).not.toContain('keputusan menunggu');
    expect(own.html).toContain('href="https://kinerja.local/siklus/c/skp"');
  });

  it('escalation lists every late person in one email, grouped; HR gets a summary', () => {
    const late = [1, 2, 3].map((n) => ({
      person: { name: `Pejabat ${n}`, nip: `19700101199503100${n}` },
      items: [{ task: 'ownSkp' as const, url: `https://kinerja.local/siklus/c/tim/${n}` }],
    }));
    const grouped = renderEscalation({ recipient, stageLabel: 'Perencanaan', pendingSince: deadline, deadline, late });
    expect(grouped.subject).toBe('Eskalasi tahap Perencanaan: 3 pegawai melewati batas waktu');
    for (const l of late) expect(grouped.text).toContain(l.person.name);
    const hr = renderEscalation({
      recipient,
      audience: 'hr',
      stageLabel: 'Perencanaan',
      pendingSince: deadline,
      deadline,
      late,
      dashboardUrl: 'https://kinerja.local/hr',
    });
    expect(hr.subject).toBe('Ringkasan eskalasi tahap Perencanaan: 3 pegawai melewati batas waktu');
    expect(hr.html).toContain('href="https://kinerja.local/hr"');
    const { escalation } = all('id');
    expect(escalation?.text).toContain('Drs. Ahmad Hidayat (NIP 197001011995031001) — Camat Asemrowo');
    expect(escalation?.text).toContain('1 Januari 2027 pukul 08.00 WIB');
  });

  it('objection email is titled as an objection, with the reason, the result, the predikat asked for and two plain choices', () => {
    const mail = renderObjectionDigest({ locale: 'id', recipient, stageLabel: 'Masa keberatan', deadline, items: [objection(1)] });
    expect(mail.subject).toBe('Keberatan atas hasil penilaian kinerja: Pegawai Nomor 1');
    for (const text of [
      'Alasan keberatan dari pegawai',
      'Beban tugas tambahan',
      'Hasil yang diajukan keberatan',
      'Butuh Perbaikan',
      'Predikat yang diminta pegawai',
      'Baik',
      '>Kabulkan keberatan<',
      '>Tolak keberatan<',
    ])
      expect(mail.html).toContain(text);
    expect(mail.html).not.toContain('>Setujui<');
    expect(mail.html).not.toContain('Usulan Predikat Kinerja');
    expect(mail.text).toContain(`Kabulkan keberatan: ${objection(1).approveUrl}`);
    expect(mail.text).toContain(`Tolak keberatan: ${objection(1).returnUrl}`);
  });

  it('outcome notice says what was decided, by whom, why, and where to go on', () => {
    const { notice } = all('id');
    expect(notice?.subject).toBe('SKP Anda periode 2026 dikembalikan untuk diperbaiki');
    expect(notice?.text).toContain('Mohon indikator RHK 1 dibuat terukur.');
    expect(notice?.text).toContain('Ratna Kusumawati');
    expect(notice?.html).toContain('href="https://kinerja.local/siklus/c-2026/skp"');
    const granted = renderOutcomeNotice({
      recipient,
      kind: 'objectionGranted',
      cycleLabel: '2026',
      subject: { name: 'x', nip: '1' },
      decidedBy: 'Camat',
      decidedAt: deadline,
      reason: 'Tugas tambahan dipertimbangkan',
      predikat: 'Baik',
      resultsRating: 'Sesuai Ekspektasi',
    });
    expect(granted.subject).toBe('Keberatan Anda dikabulkan: Predikat Kinerja Baik');
    expect(granted.text).toContain('final');
  });

  it('keeps every digest under the size mail clients clip (a summary table and a link to the full list past it)', () => {
    const many = Array.from({ length: 120 }, (_, i) => evaluation(i + 1));
    const mail = renderApprovalDigest({ recipient, stageLabel: 'x', deadline, items: many, fullListUrl: 'https://kinerja.local/keputusan' });
    expect(Buffer.byteLength(mail.html)).toBeLessThanOrEqual(MAX_EMAIL_HTML_BYTES);
    expect(mail.html).toContain('href="https://kinerja.local/keputusan"');
    expect(mail.html).toContain('Lihat daftar lengkap');
    // Small digests keep the full cards.
    const few = renderApprovalDigest({ recipient, stageLabel: 'x', deadline, items: many.slice(0, 3), fullListUrl: 'https://kinerja.local/keputusan' });
    expect(few.html).toContain('Rencana Hasil Kerja (RHK)');
    expect(few.html).not.toContain('Lihat daftar lengkap');
    const objections = renderObjectionDigest({ recipient, stageLabel: 'x', deadline, items: Array.from({ length: 80 }, (_, i) => objection(i + 1)) });
    expect(Buffer.byteLength(objections.html)).toBeLessThanOrEqual(MAX_EMAIL_HTML_BYTES);
  });

  it('result notice gives the predikat and how to object within 14 days, online when a link is given', () => {
    const { result } = all('id');
    expect(result?.subject).toBe('Hasil penilaian kinerja Anda periode 2026: Baik');
    expect(result?.text).toContain('Predikat Kinerja: Baik');
    expect(result?.text).toContain('keberatan');
    expect(result?.text).toContain('14 hari');
    expect(result?.text).toContain('3 Februari 2027');
    expect(result?.text).toContain('Camat Asemrowo');
    expect(result?.html).toContain('href="https://kinerja.local/keberatan"');
    expect(result?.text).not.toContain('secara tertulis');
  });

  it('delegation notice names both officials, the kind and the period; delegator variant differs', () => {
    const { delegation } = all('id');
    expect(delegation?.subject).toBe('Penunjukan Pelaksana Tugas (Plt.) atas nama Drs. Ahmad Hidayat');
    expect(delegation?.text).toContain('5 Januari 2027');
    expect(delegation?.text).toContain('20 Januari 2027');
    const toDelegator = renderDelegationNotice({
      audience: 'delegator',
      recipient: { name: 'Drs. Ahmad Hidayat' },
      kind: 'plh',
      delegator: { name: 'Drs. Ahmad Hidayat' },
      delegate: { name: 'Sri Wahyuni' },
      from: new Date('2027-01-05T00:00:00+07:00'),
      until: new Date('2027-01-06T00:00:00+07:00'),
      reason: XSS,
    });
    expect(toDelegator.subject).toBe('Konfirmasi penunjukan Pelaksana Harian (Plh.): Sri Wahyuni');
    expect(toDelegator.html).not.toMatch(/<script/);
  });
});

describe('summary schemas', () => {
  it('accept the fixtures and reject bad input', () => {
    expect(EvaluationSummarySchema.parse(evaluation(1))).toEqual(evaluation(1));
    expect(SkpSummarySchema.parse(skp(1))).toEqual(skp(1));
    expect(EvaluationSummarySchema.safeParse({ ...evaluation(1), approveUrl: 'javascript:alert(1)' }).success).toBe(false);
    expect(EvaluationSummarySchema.safeParse({ ...evaluation(1), rhk: [{ ...evaluation(1).rhk[0], jenis: 'lain' }] }).success).toBe(false);
  });
});
