/**
 * The cycle report page: one self-contained, server-rendered HTML document for HR people who would
 * rather look than read. No scripts, no external assets (inline CSS and inline SVG only), so it opens
 * from a file, an email attachment or the HTTP API under the pages' CSP alike.
 *
 * What it shows: the cycle and its status; progress per stage; per unit an SVG chart of the actual
 * predikat distribution against the band the distribution curve allows for the organisation predikat,
 * the calibration flags and HR's resolution; IKM per unit; totals for the whole organisation.
 *
 * Accessibility: one h1 and nested headings, a table of contents, every chart an `<svg role="img">`
 * with `<title>` and `<desc>` *and* a data table next to it (the text alternative), colour never the
 * only signal (out-of-curve rows also say so in words and carry a "!"), contrast ≥ 4.5:1, one column
 * at phone width without horizontal scrolling.
 *
 * The curve: from the calibration report stored on the cycle when there is one (what HR actually
 * resolved), otherwise computed now with the domain's `checkDistribution` under the cycle's policy.
 * Every interpolated string is escaped by the `html` template.
 */
import { ruleText } from '../../../domain/distribution';
import { STAGES, stageLabel } from '../../../domain/lifecycle/status';
import { DEFAULT_POLICY_ID } from '../../../domain/policies';
import type { Policy } from '../../../domain/policy';
import { orgPredikatLabel, PredikatSchema, predikatLabel } from '../../../domain/ratings';
import { formatDate, formatDateTime } from '../i18n';
import { html, raw, type SafeHtml } from '../pages/html';
import { htmlResponse, pageLayout } from '../pages/layout';
import { scopeFigure } from './chart';
import { countsOf, curveOf, policyOf, type ScopeView } from './curve';
import { type FigureRow, followUpCells, rowPredikat, unitFigures } from './figures';
import { cycleStatusLabel, formatNumber, type ReportLocale, statusText } from './labels';
import { raterBiasSection } from './rater-bias';
import type { CycleReportOptions, CycleReportSummary, ReportCalibrationFlag, UnitIkm } from './types';
import { TEXT } from './words';

export { type CurveRow, curveRows } from './curve';
/** Kept so existing imports resolve: the parts live beside this file. */
export * from './types';

// ─── sections ────────────────────────────────────────────────────────────────────────────────────

const dateOf = (locale: ReportLocale, iso: string | null | undefined): string => {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatDate(locale, d);
};
const dateTimeOf = (locale: ReportLocale, iso: string | null | undefined): string => {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatDateTime(locale, d);
};

const stageName = (stage: string, locale: ReportLocale) => (stageLabel as Record<string, { id: string; en: string } | undefined>)[stage]?.[locale] ?? stage;

function stagesSection(summary: CycleReportSummary, locale: ReportLocale): SafeHtml {
  const w = TEXT[locale];
  const order = (s: string) => {
    const i = (STAGES as readonly string[]).indexOf(s);
    return i < 0 ? STAGES.length : i;
  };
  const stages = [...summary.stages].sort((a, b) => order(a.stage) - order(b.stage));
  const current = summary.cycle.status === 'ACTIVE' ? summary.cycle.stage : undefined;
  return html`<section class="panel" aria-labelledby="progress-h">
<h2 id="progress-h">${w.progress}</h2>
<ol class="stages">
${stages.map((s) => {
  const state = s.closedAt ? w.stageDone : s.openedAt ? w.stageRunning : w.stageNotStarted;
  const pct = s.total > 0 ? Math.min(100, Math.round((s.done * 100) / s.total)) : s.closedAt ? 100 : 0;
  const isCurrent = s.stage === current;
  const dates = [s.openedAt ? `${w.opened} ${dateOf(locale, s.openedAt)}` : '', s.closedAt ? `${w.closed} ${dateOf(locale, s.closedAt)}` : '']
    .filter(Boolean)
    .join(' · ');
  const counts = s.total === 0 && s.closedAt ? w.stageNothing : w.stageCounts(formatNumber(locale, s.done), formatNumber(locale, s.total));
  return html`<li class="stage${isCurrent ? ' current' : ''}" data-stage="${s.stage}"${isCurrent ? raw(' aria-current="step"') : ''}>
<div class="stage-head"><span class="stage-name">${stageName(s.stage, locale)}</span><span class="stage-state">${state}${isCurrent ? ` · ${w.currentStage}` : ''}</span></div>
<div class="meter" aria-hidden="true"><span style="width:${pct}%"></span></div>
<div class="stage-meta"><span>${counts}</span>${dates ? html`<span class="muted">${dates}</span>` : ''}</div>
</li>`;
})}
</ol>
</section>`;
}

function flagList(flag: ReportCalibrationFlag | undefined, locale: ReportLocale, headingLevel: 'h3' | 'h4'): SafeHtml {
  const w = TEXT[locale];
  if (!flag) return html`<p class="muted">${w.noFlag}</p>`;
  const heading = headingLevel === 'h3' ? html`<h3>${w.flags}</h3>` : html`<h4>${w.flags}</h4>`;
  const violations = flag.violations ?? [];
  const resolution =
    flag.resolved && flag.resolution
      ? html`<p class="resolution"><strong>${w.resolved(dateTimeOf(locale, flag.resolution.at), flag.resolution.by ?? '')}</strong> ${flag.resolution.reason}</p>`
      : html`<p class="unresolved"><strong>${w.unresolved}</strong></p>`;
  return html`<div class="flag">
${heading}
<ul>${violations.map((v) => html`<li>${locale === 'id' ? v.messageId : v.messageEn}</li>`)}</ul>
${resolution}
</div>`;
}

function ikmText(x: UnitIkm, locale: ReportLocale, policy: Policy | undefined): string {
  const band = policy?.skm.bands.find((b) => b.mutu === x.mutu);
  const mutu = band ? `${x.mutu} (${band.kinerjaUnit[locale]})` : x.mutu;
  return TEXT[locale].ikmLine(formatNumber(locale, x.ikm, 2), mutu, formatNumber(locale, x.respondents));
}

function ikmSection(summary: CycleReportSummary, ikm: readonly UnitIkm[], locale: ReportLocale, policy: Policy | undefined): SafeHtml {
  const w = TEXT[locale];
  const names = new Map(summary.units.map((u) => [u.unitId, u.name]));
  const total = ikm.reduce((s, x) => s + x.respondents, 0);
  return html`<section class="panel" aria-labelledby="ikm-h">
<h2 id="ikm-h">${w.ikm}</h2>
${
  ikm.length
    ? html`<table class="data ikm">
<caption>${w.ikmCaption}</caption>
<thead><tr><th scope="col">${w.ikmUnit}</th><th scope="col" class="num">${w.ikmValue}</th><th scope="col">${w.ikmMutu}</th><th scope="col" class="num">${w.ikmRespondents}</th></tr></thead>
<tbody>
${ikm.map((x) => {
  const band = policy?.skm.bands.find((b) => b.mutu === x.mutu);
  return html`<tr data-unit="${x.unitId}"><th scope="row">${names.get(x.unitId) ?? x.unitId}</th><td class="num">${formatNumber(locale, x.ikm, 2)}</td><td><span class="mutu mutu-${/^[A-D]$/.test(x.mutu) ? x.mutu : 'X'}">${x.mutu}</span>${band ? ` ${band.kinerjaUnit[locale]}` : ''}</td><td class="num">${formatNumber(locale, x.respondents)}</td></tr>
`;
})}
</tbody>
<tfoot><tr><th scope="row">${w.total}</th><td></td><td></td><td class="num">${formatNumber(locale, total)}</td></tr></tfoot>
</table>`
    : html`<p class="muted">${w.ikmNone}</p>`
}
</section>`;
}

const REPORT_CSS = `
main{max-width:1080px}
.report-head{background:#fff;border:1px solid #d1d5db;border-radius:6px;padding:16px;margin:0 0 16px}
.report-head dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:0}
.report-head dt{font-weight:bold}
.report-head dd{margin:0}
.badge{display:inline-block;padding:1px 8px;border-radius:12px;background:#e8eefb;color:#0b3d91;font-weight:bold}
.badge.COMPLETED{background:#e9f6ee;color:#14532d}
.badge.FAILED{background:#fdecec;color:#7f1d1d}
.toc ul{margin:0;padding-left:20px}
.toc ul ul{columns:2 16rem;margin:2px 0 4px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,9.5rem),1fr));gap:8px;margin:0 0 16px;padding:0;list-style:none}
.tiles li{background:#f9fafb;border:1px solid #d1d5db;border-radius:6px;padding:8px 10px}
.tiles .n{display:block;font-size:1.5rem;font-weight:bold;line-height:1.2}
h3{font-size:1.0625rem;margin:0 0 8px}
h4{font-size:1rem;margin:12px 0 6px}
.stages{list-style:none;margin:0;padding:0;counter-reset:st}
.stage{margin:0 0 12px;counter-increment:st}
.stage-head{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 12px}
.stage-name{font-weight:bold}
.stage-name::before{content:counter(st) ". "}
.stage.current .stage-name{color:#0b3d91}
.meter{height:12px;background:#e5e7eb;border-radius:6px;overflow:hidden;margin:4px 0}
.meter span{display:block;height:100%;background:#0b3d91}
.stage-meta{display:flex;flex-wrap:wrap;justify-content:space-between;gap:0 12px;font-size:.9375rem}
.units{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,460px),1fr));gap:16px;align-items:start;margin:0 0 16px}
.units>.panel{margin:0}
.unit-meta{margin:0 0 8px}
.figure{margin:0 0 8px}
.chart{display:block;width:100%;max-width:640px;margin:0 0 8px;overflow:visible}
.chart text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:#1f2937}
.chart .lbl{font-size:15px;font-weight:bold}
.chart .val{font-size:15px}
.chart .out .val{fill:#991b1b;font-weight:bold}
.chart .cap{font-size:13px;fill:#374151}
.chart .track{fill:#e5e7eb}
.chart .bar{fill:#1d4ed8}
.chart .bar-out{fill:#b91c1c}
.chart .band{fill:#16a34a;fill-opacity:.16;stroke:#15803d;stroke-width:1.5}
.chart .mark{stroke:#14532d;stroke-width:3}
.chart .axis{stroke:#6b7280;stroke-width:1}
@media (min-width:900px){.figure.wide{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:32px;align-items:start}}
table.data{border-collapse:collapse;width:100%;margin:0 0 8px;font-size:.9375rem}
table.data caption{text-align:left;font-weight:bold;padding:0 0 4px}
table.data th,table.data td{border-bottom:1px solid #e5e7eb;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:normal}
.band-n{white-space:nowrap}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
table.data thead th{border-bottom:2px solid #9ca3af}
table.data .num{text-align:right;white-space:nowrap}
table.data tr.out td,table.data tr.out th{color:#991b1b;font-weight:bold}
table.data tfoot th,table.data tfoot td{border-top:2px solid #9ca3af;border-bottom:0}
.flag{border-left:5px solid #b45309;background:#fff7ed;padding:8px 12px;margin:8px 0 0}
.flag ul{margin:0 0 8px;padding-left:20px}
.flag h3,.flag h4{margin:0 0 6px}
.resolution{margin:0}
.unresolved{margin:0;color:#7f1d1d}
.mutu{display:inline-block;min-width:1.6em;text-align:center;border-radius:4px;font-weight:bold;color:#fff;background:#374151}
.mutu-A{background:#166534}.mutu-B{background:#1d4ed8}.mutu-C{background:#92400e}.mutu-D{background:#991b1b}
.legend{margin:0 0 16px;padding-left:20px}
.legend .sw{display:inline-block;width:14px;height:10px;margin-right:6px;vertical-align:middle;border-radius:2px}
.sw-band{background:rgba(22,163,74,.22);outline:1px dashed #15803d}
.sw-in{background:#1d4ed8}
.sw-out{background:#b91c1c}
.status-list{margin:0;padding-left:20px;font-size:.9375rem}
@media (max-width:480px){.report-head dl{grid-template-columns:1fr}.report-head dd{margin:0 0 4px}.toc ul ul{columns:1}table.data{font-size:.875rem}table.data th,table.data td{padding:4px 3px}}
@media print{body{background:#fff}.skip{display:none}.panel,.report-head{break-inside:avoid;border-color:#9ca3af}}
`.trim();

function statusList(statuses: Record<string, number>, locale: ReportLocale): SafeHtml {
  const entries = Object.entries(statuses).filter(([, n]) => n > 0);
  if (!entries.length) return html``;
  return html`<ul class="status-list">${entries.map(([s, n]) => html`<li>${statusText(s, locale)}: ${formatNumber(locale, n)}</li>`)}</ul>`;
}

/**
 * The cycle report as a complete HTML document (UTF-8). Pure: the same summary, options and
 * `generatedAt` always give the same bytes.
 */
export function renderCycleReport(given: CycleReportSummary, options: CycleReportOptions): string {
  const locale: ReportLocale = options.locale === 'en' ? 'en' : 'id';
  const w = TEXT[locale];
  const summary = withRowFigures(given, options.rows);
  const cycle = summary.cycle;
  const views: ScopeView[] = summary.units.map((u) => {
    const { counts, other } = countsOf(u.distribution ?? {});
    return { id: u.unitId, name: u.name || u.unitId, size: PredikatSchema.options.reduce((s, p) => s + counts[p], 0), counts, other };
  });
  const curve = curveOf(
    summary,
    views.map((v) => ({ unitId: v.id, counts: v.counts })),
  );
  const policy = curve.policy ?? policyOf(DEFAULT_POLICY_ID);
  const flags = new Map((cycle.calibration?.flags ?? []).map((f) => [f.unitId, f]));
  const ikm = options.ikm ?? [];
  const ikmByUnit = new Map(ikm.map((x) => [x.unitId, x]));

  const orgTotals = countsOf(
    summary.units.reduce<Record<string, number>>((acc, u) => {
      for (const [k, v] of Object.entries(u.distribution ?? {})) acc[k] = (acc[k] ?? 0) + v;
      return acc;
    }, {}),
  );
  const orgView: ScopeView = {
    id: 'ORGANISASI',
    name: w.orgScope,
    size: PredikatSchema.options.reduce((s, p) => s + orgTotals.counts[p], 0),
    counts: orgTotals.counts,
    other: orgTotals.other,
  };
  const totalEmployees = summary.units.reduce((s, u) => s + u.employees, 0);
  const allStatuses = summary.units.reduce<Record<string, number>>((acc, u) => {
    for (const [k, v] of Object.entries(u.statuses ?? {})) acc[k] = (acc[k] ?? 0) + v;
    return acc;
  }, {});
  const allFlags = cycle.calibration?.flags ?? [];
  const resolvedFlags = allFlags.filter((f) => f.resolved).length;
  const year = cycle.year !== undefined ? String(cycle.year) : cycle.cycleId;
  const statusWord = cycleStatusLabel[cycle.status]?.[locale] ?? cycle.status;
  const orgLabel = orgPredikatLabel[curve.org][locale];
  const rules = curve.policy && curve.policy.model === 'ekspektasi' ? curve.policy.distribution[curve.org] : [];

  const title = w.title(year);
  const main = html`
<div class="report-head">
<h1>${title}</h1>
<dl>
<dt>${w.cycle}</dt><dd>${title}</dd>
${cycle.agencyId ? html`<dt>${w.agency}</dt><dd>${summary.units.find((u) => u.unitId === cycle.agencyId)?.name ?? cycle.agencyId}</dd>` : ''}
<dt>${w.status}</dt><dd><span class="badge ${cycle.status.replace(/[^A-Z_]/g, '')}">${statusWord}</span>${cycle.status === 'ACTIVE' ? ` — ${w.currentStage}: ${stageName(cycle.stage, locale)}` : ''}</dd>
<dt>${w.orgPredikat}</dt><dd>${orgLabel}${curve.assumed ? ` (${w.orgPredikatAssumed})` : ''}</dd>
<dt>${w.policy}</dt><dd>${policyOf(cycle.policyId)?.title?.[locale] ?? cycle.policyId}</dd>
${summary.workflow ? html`<dt>${w.workflow}</dt><dd>${workflowStatusLabel[summary.workflow.status]?.[locale] ?? summary.workflow.status}${summary.workflow.error ? ` — ${summary.workflow.error}` : ''}</dd>` : ''}
<dt>${w.generated}</dt><dd>${formatDateTime(locale, options.generatedAt)}</dd>
</dl>
</div>
${cycle.failure ? html`<p class="alert" role="alert">${w.failure(stageName(cycle.failure.stage, locale), dateTimeOf(locale, cycle.failure.at))} ${cycle.failure.error}</p>` : ''}
<nav class="panel toc" aria-labelledby="toc-h">
<h2 id="toc-h">${w.contents}</h2>
<ul>
<li><a href="#summary-h">${w.summary}</a></li>
<li><a href="#progress-h">${w.progress}</a></li>
<li><a href="#units-h">${w.units}</a>
<ul>${views.map((v, i) => html`<li><a href="#unit-${i}">${v.name}</a></li>`)}</ul></li>
<li><a href="#ikm-h">${w.ikm}</a></li>
${options.rows ? html`<li><a href="#followup-h">${FOLLOW_UP_WORDS[locale].title}</a></li>` : ''}
</ul>
</nav>
<section class="panel" aria-labelledby="summary-h">
<h2 id="summary-h">${w.summary}</h2>
<ul class="tiles">
<li><span class="n">${formatNumber(locale, totalEmployees)}</span>${w.employees}</li>
<li><span class="n">${formatNumber(locale, orgView.size)}</span>${w.withPredikat}</li>
<li><span class="n">${formatNumber(locale, views.length)}</span>${w.unitCount}</li>
<li><span class="n">${formatNumber(locale, allFlags.length)}</span>${w.flags}${allFlags.length ? html`<br><span class="muted">${w.flagsResolved(resolvedFlags, allFlags.length)}</span>` : ''}</li>
<li><span class="n">${formatNumber(
    locale,
    ikm.reduce((s, x) => s + x.respondents, 0),
  )}</span>${w.respondents}</li>
</ul>
<h3>${w.orgScope}</h3>
${curve.source === 'none' ? html`<p class="muted">${w.curveUnavailable}</p>` : ''}
${curve.source === 'computed' ? html`<p class="muted">${w.curveComputed}</p>` : ''}
${curve.source === 'calibration' && cycle.calibration?.at ? html`<p class="muted">${calibratedNote(locale, dateTimeOf(locale, cycle.calibration.at))}</p>` : ''}
${rules.length ? html`<p>${w.curveRules(orgLabel)}</p><ul>${rules.map((r) => html`<li>${ruleText(r.predikats, r.bound)[locale]}</li>`)}</ul>` : ''}
<h4>${w.legendTitle}</h4>
<ul class="legend">
<li><span class="sw sw-band" aria-hidden="true"></span>${w.legendBand}</li>
<li><span class="sw sw-in" aria-hidden="true"></span>${w.legendIn}</li>
<li><span class="sw sw-out" aria-hidden="true"></span>${w.legendOut}</li>
</ul>
${scopeFigure(orgView, curve.organisation?.checks, 'chart-org', locale, true)}
${flags.has('ORGANISASI') ? flagList(flags.get('ORGANISASI'), locale, 'h4') : ''}
<h4>${w.statuses}</h4>
${statusList(allStatuses, locale)}
</section>
${stagesSection(summary, locale)}
<section aria-labelledby="units-h">
<h2 id="units-h" class="section-h">${w.units}</h2>
<div class="units">
${views.map((v, i) => {
  const unit = summary.units[i]!;
  const x = ikmByUnit.get(v.id);
  return html`<article class="panel unit" id="unit-${i}" aria-labelledby="unit-${i}-h" data-unit="${v.id}">
<h3 id="unit-${i}-h">${v.name}</h3>
<p class="unit-meta muted">${w.employees}: ${formatNumber(locale, unit.employees)}${x ? ` · ${ikmText(x, locale, policy)}` : ''}</p>
${scopeFigure(v, curve.units.get(v.id)?.checks, `chart-${i}`, locale)}
${flagList(flags.get(v.id), locale, 'h4')}
<h4>${w.statuses}</h4>
${statusList(unit.statuses ?? {}, locale)}
</article>`;
})}
</div>
</section>
${ikmSection(summary, ikm, locale, policy)}
${options.rows ? followUpSection(options.rows, summary, locale) : ''}
${options.raterBias ? raterBiasSection(options.raterBias, locale) : ''}
`;

  const agencyName = summary.units.find((u) => u.unitId === cycle.agencyId)?.name;
  return pageLayout(locale, agencyName ? `${title} — ${agencyName}` : title, main, REPORT_CSS);
}

const workflowStatusLabel: Record<string, { id: string; en: string }> = {
  RUNNING: { id: 'Berjalan', en: 'Running' },
  SUCCEEDED: { id: 'Selesai dengan baik', en: 'Succeeded' },
  FAILED: { id: 'Gagal', en: 'Failed' },
  TIMED_OUT: { id: 'Melewati batas waktu', en: 'Timed out' },
  ABORTED: { id: 'Dihentikan', en: 'Aborted' },
  PENDING_REDRIVE: { id: 'Menunggu dijalankan ulang', en: 'Pending redrive' },
};

/** The calibration's notes were taken when calibration ran: before approval and objections changed anything. */
const calibratedNote = (locale: ReportLocale, at: string) =>
  locale === 'id'
    ? `Catatan kalibrasi di bawah diambil saat kalibrasi dijalankan (${at}), sebelum persetujuan dan masa keberatan; grafik dan tabel menunjukkan angka final saat laporan dibuat.`
    : `The calibration notes below were taken when calibration ran (${at}), before approval and objections; the charts and tables show the final figures when this report was made.`;

/** Per unit: people, predikat and statuses counted from the rows (the CSV's), when given. */
function withRowFigures(summary: CycleReportSummary, rows: readonly FigureRow[] | undefined): CycleReportSummary {
  if (!rows) return summary;
  const figures = unitFigures(rows);
  const known = new Set(summary.units.map((u) => u.unitId));
  const units = [
    ...summary.units.map((u) => ({ ...u, ...(figures.get(u.unitId) ?? { employees: 0, distribution: {}, statuses: {} }) })),
    ...[...figures].filter(([id]) => !known.has(id)).map(([unitId, f]) => ({ unitId, name: unitId, ...f })),
  ];
  return { ...summary, units };
}

const FOLLOW_UP_WORDS = {
  id: {
    title: 'Tindak lanjut',
    none: 'Tidak ada tindak lanjut tercatat.',
    count: (n: string) => `${n} pegawai dengan tindak lanjut (sama dengan ekspor CSV).`,
    name: 'Nama',
    unit: 'Unit',
    predikat: 'Predikat',
    followUp: 'Tindak lanjut',
    training: 'Pelatihan',
  },
  en: {
    title: 'Follow-up',
    none: 'No follow-up recorded.',
    count: (n: string) => `${n} employees with follow-up (as in the CSV export).`,
    name: 'Name',
    unit: 'Unit',
    predikat: 'Predikat',
    followUp: 'Follow-up',
    training: 'Training',
  },
};

/** Everyone the CSV lists with a follow-up or training, with the same texts. */
function followUpSection(rows: readonly FigureRow[], summary: CycleReportSummary, locale: ReportLocale): SafeHtml {
  const w = FOLLOW_UP_WORDS[locale];
  const unitName = new Map(summary.units.map((u) => [u.unitId, u.name || u.unitId]));
  const listed = rows.map((e) => ({ e, ...followUpCells(e, locale) })).filter((x) => x.followUp || x.training);
  return html`<section class="panel" aria-labelledby="followup-h">
<h2 id="followup-h">${w.title}</h2>
${
  listed.length
    ? html`<p>${w.count(formatNumber(locale, listed.length))}</p>
<table class="data" data-followup="${listed.length}">
<thead><tr><th scope="col">${w.name}</th><th scope="col">${w.unit}</th><th scope="col">${w.predikat}</th><th scope="col">${w.followUp}</th><th scope="col">${w.training}</th></tr></thead>
<tbody>${listed.map(
        ({ e, followUp, training }) =>
          html`<tr data-nip="${e.nip}"><th scope="row">${e.name}</th><td>${unitName.get(e.unitId) ?? e.unitId}</td><td>${predikatWord(rowPredikat(e), locale)}</td><td>${followUp}</td><td>${training}</td></tr>`,
      )}</tbody>
</table>`
    : html`<p class="muted">${w.none}</p>`
}
</section>`;
}
const predikatWord = (p: string | undefined, locale: ReportLocale) =>
  p ? ((predikatLabel as Record<string, { id: string; en: string } | undefined>)[p]?.[locale] ?? p) : '';

/** The report as an API Gateway result, with the pages' headers (CSP without scripts, no-store). */
export function reportHtmlResponse(body: string, statusCode = 200): ReturnType<typeof htmlResponse> {
  return htmlResponse(statusCode, body);
}
