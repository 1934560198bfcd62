import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutboxMailer, readOutbox } from '../../../shared/adapters/mail/outbox';
import { EvaluationSummarySchema, SkpSummarySchema } from '../../../shared/adapters/mail/summary';
import {
  type RenderedMail,
  renderApprovalDigest,
  renderDelegationNotice,
  renderEscalation,
  renderReminder,
  renderResultNotice,
  renderSkpApprovalRequest,
} from '../../../shared/adapters/mail/templates';
import type { Locale } from '../../../shared/adapters/render/i18n';
import { DANGEROUS, evaluation, hostile, skp, XSS } from './fixtures';

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
      items: [{ employee: evaluation(1).employee, url: 'https://kinerja.local/v1/decisions/x?a=view' }],
    }),
    escalation: renderEscalation({
      locale,
      recipient: { name: 'Sekretaris Daerah' },
      approver: { name: 'Drs. Ahmad Hidayat', jabatan: 'Camat Asemrowo', nip: '197001011995031001' },
      stageLabel: 'Persetujuan akhir 2026',
      pendingSince: new Date('2027-01-01T01:00:00Z'),
      deadline,
      items: [{ employee: evaluation(1).employee, url: 'https://kinerja.local/v1/decisions/x?a=view' }],
      dashboardUrl: 'https://kinerja.local/hr/monitoring',
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
    expect(mail.text).toContain('Tinjau dan putuskan semua sekaligus: https://kinerja.local/v1/decisions/batch_000000001?a=view');
    const without = renderApprovalDigest({ locale: 'id', recipient, stageLabel: 'x', deadline, items });
    expect(without.html).not.toContain('Tinjau dan putuskan semua');
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

  it('reminder names the deadline and what follows it', () => {
    const { reminder } = all('id');
    expect(reminder?.text).toContain('15 Januari 2027 pukul 16.00 WIB');
    expect(reminder?.text).toContain('dieskalasi');
    expect(reminder?.text).toContain('https://kinerja.local/v1/decisions/x?a=view');
  });

  it('escalation says who did not act and since when', () => {
    const { escalation } = all('id');
    expect(escalation?.subject).toContain('Drs. Ahmad Hidayat');
    expect(escalation?.text).toContain('Drs. Ahmad Hidayat, Camat Asemrowo');
    expect(escalation?.text).toContain('NIP 197001011995031001');
    expect(escalation?.text).toContain('Menunggu sejak: 1 Januari 2027 pukul 08.00 WIB');
    expect(escalation?.html).toContain('href="https://kinerja.local/hr/monitoring"');
  });

  it('result notice gives the predikat and how to object within 14 days', () => {
    const { result } = all('id');
    expect(result?.subject).toBe('Hasil penilaian kinerja Anda periode 2026: Baik');
    expect(result?.text).toContain('Predikat Kinerja: Baik');
    expect(result?.text).toContain('keberatan');
    expect(result?.text).toContain('14 hari');
    expect(result?.text).toContain('3 Februari 2027');
    expect(result?.text).toContain('Camat Asemrowo');
    expect(result?.html).toContain('href="https://kinerja.local/keberatan"');
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
