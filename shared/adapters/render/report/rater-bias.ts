/**
 * The cycle report's "Bias penilai" section: per rater with a flag (and, below, the others in one
 * table), the team's predikat against the unit and the agency, each flag with its statistic, threshold
 * and explanation, and HR's acknowledgement. Advisory: the section says that it changes no rating.
 */
import type { BiasCheck, BiasKind, Distribution, RaterBias, RaterBiasPolicy } from '../../../domain/rater-bias';
import { predikatLabel } from '../../../domain/ratings';
import { formatDateTime } from '../i18n';
import { html, type SafeHtml } from '../pages/html';
import { formatNumber, type ReportLocale } from './labels';

/** What the section reads (structural: the rater-bias use case's result fits it). */
export interface ReportRaterBias {
  policy: RaterBiasPolicy;
  rated: number;
  raters: readonly (RaterBias & {
    name?: string;
    unitName?: string;
    acknowledgement?: { note: string; by: { nip: string; name?: string }; at: string };
  })[];
}

const KIND: Record<BiasKind, { id: string; en: string }> = {
  LENIENCY: { id: 'Terlalu longgar (banyak Sangat Baik)', en: 'Leniency (many Sangat Baik)' },
  SEVERITY: { id: 'Terlalu ketat (banyak di bawah Baik)', en: 'Severity (many below Baik)' },
  CENTRAL_TENDENCY: { id: 'Kecenderungan tengah (semua Baik)', en: 'Central tendency (everyone Baik)' },
  HALO: { id: 'Efek halo (hasil dan perilaku bergerak bersama)', en: 'Halo (results and behaviour moving together)' },
};

const T = {
  id: {
    heading: 'Bias penilai',
    intro: (n: string, min: number) =>
      `Sebaran predikat tiap penilai dibandingkan dengan penilai lain di instansi (${n} pegawai dinilai). Tanda hanya muncul untuk tim minimal ${min} orang. Analisis ini bersifat saran: tidak mengubah nilai apa pun; HR menanggapinya dengan catatan.`,
    none: 'Tidak ada penilai yang ditandai.',
    rater: 'Penilai',
    team: 'Tim',
    sb: 'Sangat Baik',
    low: 'Di bawah Baik',
    flags: 'Tanda',
    noFlag: 'tidak ada',
    unit: 'Unit',
    agency: 'Instansi',
    previous: (year: number) => `Siklus ${year}`,
    ack: (by: string, at: string) => `Ditanggapi oleh ${by}, ${at}:`,
    unack: 'Belum ditanggapi HR.',
    others: 'Penilai lain',
    caption: 'Sebaran predikat: tim penilai, unit, instansi',
    threshold: 'ambang',
  },
  en: {
    heading: 'Rater bias',
    intro: (n: string, min: number) =>
      `Each rater’s predikat distribution against the agency’s other raters (${n} employees rated). Flags are raised only for teams of at least ${min}. Advisory: it changes no rating; HR acknowledges a flag with a note.`,
    none: 'No rater is flagged.',
    rater: 'Rater',
    team: 'Team',
    sb: 'Sangat Baik',
    low: 'Below Baik',
    flags: 'Flags',
    noFlag: 'none',
    unit: 'Unit',
    agency: 'Agency',
    previous: (year: number) => `Cycle ${year}`,
    ack: (by: string, at: string) => `Acknowledged by ${by}, ${at}:`,
    unack: 'Not yet acknowledged by HR.',
    others: 'Other raters',
    caption: 'Predikat distribution: the rater’s team, the unit, the agency',
    threshold: 'threshold',
  },
} as const;

const ORDER = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
const size = (d: Distribution) => ORDER.reduce((s, p) => s + d[p], 0);
const share = (locale: ReportLocale, n: number, of: number) => (of ? `${formatNumber(locale, Math.round((n * 1000) / of) / 10, 1)} %` : '—');
const low = (d: Distribution) => d.BUTUH_PERBAIKAN + d.KURANG + d.SANGAT_KURANG;

function distributionRow(locale: ReportLocale, label: string, d: Distribution): SafeHtml {
  const n = size(d);
  return html`<tr><th scope="row">${label}</th><td class="num">${formatNumber(locale, n)}</td>${ORDER.map(
    (p) => html`<td class="num">${formatNumber(locale, d[p])}</td>`,
  )}<td class="num">${share(locale, d.SANGAT_BAIK, n)}</td></tr>`;
}

function checkItem(locale: ReportLocale, c: BiasCheck): SafeHtml {
  return html`<li data-flag="${c.kind}"><strong>${KIND[c.kind][locale]}.</strong> ${c.explanation[locale]}</li>`;
}

function raterArticle(locale: ReportLocale, r: ReportRaterBias['raters'][number], i: number): SafeHtml {
  const w = T[locale];
  const who = r.name ? `${r.name} (${r.raterNip})` : r.raterNip;
  return html`<article class="panel bias" id="bias-${i}" data-rater="${r.raterNip}" aria-labelledby="bias-${i}-h">
<h3 id="bias-${i}-h">${who}</h3>
<p class="muted">${w.unit}: ${r.unitName ?? r.unitId} · ${w.team}: ${formatNumber(locale, r.teamSize)}</p>
<div class="flag"><h4>${w.flags}</h4><ul>${r.checks.filter((c) => c.raised).map((c) => checkItem(locale, c))}</ul>
${
  r.acknowledgement
    ? html`<p class="resolution"><strong>${w.ack(r.acknowledgement.by.name ?? r.acknowledgement.by.nip, formatDateTime(locale, new Date(r.acknowledgement.at)))}</strong> ${r.acknowledgement.note}</p>`
    : html`<p class="unresolved"><strong>${w.unack}</strong></p>`
}
</div>
<div class="scroll"><table class="data">
<caption>${w.caption}</caption>
<thead><tr><th scope="col"></th><th scope="col" class="num">n</th>${ORDER.map((p) => html`<th scope="col" class="num">${predikatLabel[p][locale]}</th>`)}<th scope="col" class="num">% ${w.sb}</th></tr></thead>
<tbody>
${distributionRow(locale, w.team, r.distribution)}
${distributionRow(locale, w.unit, r.unit.distribution)}
${distributionRow(locale, w.agency, r.agency.distribution)}
${r.previous.map((p) => distributionRow(locale, `${w.team} · ${w.previous(p.year)}`, p.distribution))}
</tbody>
</table></div>
</article>`;
}

/** The section (an `h2` with its id `bias-h`, for the table of contents). */
export function raterBiasSection(bias: ReportRaterBias, locale: ReportLocale): SafeHtml {
  const w = T[locale];
  const flagged = bias.raters.filter((r) => r.flags.length > 0);
  const others = bias.raters.filter((r) => r.flags.length === 0);
  return html`<section aria-labelledby="bias-h" class="rater-bias">
<h2 id="bias-h" class="section-h">${w.heading}</h2>
<p>${w.intro(formatNumber(locale, bias.rated), bias.policy.minTeamSize)}</p>
${flagged.length ? flagged.map((r, i) => raterArticle(locale, r, i)) : html`<p class="panel">${w.none}</p>`}
${
  others.length
    ? html`<div class="panel scroll"><table class="data">
<caption>${w.others}</caption>
<thead><tr><th scope="col">${w.rater}</th><th scope="col" class="num">${w.team}</th><th scope="col" class="num">${w.sb}</th><th scope="col" class="num">${w.low}</th><th scope="col">${w.flags}</th></tr></thead>
<tbody>${others.map(
        (r) =>
          html`<tr data-rater="${r.raterNip}"><th scope="row">${r.name ?? r.raterNip}</th><td class="num">${formatNumber(locale, r.teamSize)}</td><td class="num">${share(locale, r.distribution.SANGAT_BAIK, r.teamSize)}</td><td class="num">${share(locale, low(r.distribution), r.teamSize)}</td><td>${w.noFlag}</td></tr>`,
      )}</tbody>
</table></div>`
    : ''
}
</section>`;
}
