/** The curve as an accessible inline SVG chart with its data table beside it. */
import type { RuleCheck } from '../../../domain/distribution';
import { type Predikat, predikatLabel } from '../../../domain/ratings';
import { html, raw, type SafeHtml } from '../pages/html';
import { type CurveRow, curveRows, type ScopeView } from './curve';
import { formatNumber, type ReportLocale } from './labels';
import { TEXT, type Words } from './words';

// ─── the chart ───────────────────────────────────────────────────────────────────────────────────

/*
 * The chart is laid out in percentages of its width (x) and pixels (y), without a viewBox: bars stretch
 * with the column while text keeps its size, so labels stay readable at 360 px and do not grow huge
 * on a desktop. Rows: a label line ("Baik  44 (76 %)"), the bar on a light track with the curve's band
 * drawn over it as an outlined box (thick lines at the minimum and maximum), and the band's numbers.
 */
const TOP = 4;
const ROW_H = 66;
const AXIS_H = 30;
/** Percent of the width for a number of people, leaving room for the marker lines at both ends. */
const xPct = (people: number, scale: number) => 1 + (98 * Math.min(Math.max(people, 0), scale)) / scale;
const pct = (x: number) => `${x.toFixed(2)}%`;

export const rowLabel = (ps: readonly Predikat[], locale: ReportLocale) => ps.map((p) => predikatLabel[p][locale]).join(' + ');
/** In the chart a group's label drops the parenthesised notes ("Kurang (Misconduct)" → "Kurang") to fit a phone. */
const shortLabel = (ps: readonly Predikat[], locale: ReportLocale) =>
  ps.length > 1 ? ps.map((p) => predikatLabel[p][locale].replace(/\s*\(.*\)$/, '')).join(' + ') : rowLabel(ps, locale);

function bandText(r: CurveRow, w: Words, locale: ReportLocale): string {
  const n = (x: number) => formatNumber(locale, x);
  if (r.min !== undefined && r.max !== undefined) return r.min === r.max ? w.exactly(n(r.min)) : w.range(n(r.min), n(r.max));
  if (r.min !== undefined) return w.atLeast(n(r.min));
  if (r.max !== undefined) return w.atMost(n(r.max));
  return '';
}

function rowNote(r: CurveRow, w: Words): string {
  switch (r.status) {
    case 'OK':
      return w.withinCurve;
    case 'VIOLATED':
      return w.outsideCurve;
    case 'NOT_APPLICABLE':
      return w.notApplicable;
    case 'NONE':
      return '';
  }
}

export const percentText = (locale: ReportLocale, part: number, whole: number) =>
  whole > 0 ? `${formatNumber(locale, (part * 100) / whole)}${locale === 'id' ? ' %' : '%'}` : '';

function countText(r: CurveRow, size: number, locale: ReportLocale): string {
  const pct = percentText(locale, r.actual, size);
  return `${r.status === 'VIOLATED' ? '! ' : ''}${formatNumber(locale, r.actual)}${pct ? ` (${pct})` : ''}`;
}

/** An SVG bar chart of one scope against its curve; `key` makes the ids unique in the document. */
function chartSvg(view: ScopeView, rows: readonly CurveRow[], key: string, locale: ReportLocale): SafeHtml {
  const w = TEXT[locale];
  const size = view.size;
  const scale = Math.max(size, 1);
  const x = (people: number) => xPct(people, scale);
  const height = TOP + rows.length * ROW_H + AXIS_H;
  const titleId = `${key}-title`;
  const descId = `${key}-desc`;
  const desc = [
    size ? w.chartDesc(view.name, formatNumber(locale, size)) : w.chartDescEmpty(view.name),
    ...rows.map((r) => {
      const band = bandText(r, w, locale);
      const note = rowNote(r, w);
      return `${rowLabel(r.predikats, locale)}: ${countText(r, size, locale).replace(/^! /, '')}${band ? `; ${w.curveCaption} ${band}` : ''}${note ? `, ${note}` : ''}.`;
    }),
  ].join(' ');

  const body = rows.map((r, i) => {
    const y = TOP + i * ROW_H;
    const barY = y + 26;
    const hasBand = (r.status === 'OK' || r.status === 'VIOLATED') && (r.min !== undefined || r.max !== undefined);
    const lo = x(r.min ?? 0);
    const hi = x(r.max ?? scale);
    const out = r.status === 'VIOLATED';
    const barEnd = r.actual > 0 ? Math.max(x(r.actual), 2) : 0;
    const centre = (lo + hi) / 2;
    const [capX, anchor] = centre < 30 ? [lo, 'start'] : centre > 70 ? [hi, 'end'] : [centre, 'middle'];
    return html`<g class="row${out ? ' out' : ''}" data-predikat="${r.predikats.join('+')}" data-actual="${r.actual}">
<text x="0" y="${y + 17}"><tspan class="lbl">${shortLabel(r.predikats, locale)}</tspan><tspan class="val" dx="10">${countText(r, size, locale)}</tspan></text>
<rect x="${pct(x(0))}" y="${barY}" width="${pct(98)}" height="14" class="track"/>
${barEnd ? html`<rect x="${pct(x(0))}" y="${barY}" width="${pct(barEnd - x(0))}" height="14" class="${out ? 'bar bar-out' : 'bar'}"/>` : ''}
${
  hasBand
    ? html`<rect x="${pct(lo)}" y="${barY - 5}" width="${pct(Math.max(hi - lo, 0.5))}" height="24" class="band" data-min="${r.min ?? ''}" data-max="${r.max ?? ''}"/>
${r.min !== undefined && r.min > 0 ? html`<line x1="${pct(lo)}" x2="${pct(lo)}" y1="${barY - 7}" y2="${barY + 21}" class="mark"/>` : ''}
${r.max !== undefined ? html`<line x1="${pct(hi)}" x2="${pct(hi)}" y1="${barY - 7}" y2="${barY + 21}" class="mark"/>` : ''}
<text x="${pct(capX)}" y="${barY + 32}" class="cap" text-anchor="${anchor}">${w.curveCaption} ${bandText(r, w, locale)}</text>`
    : ''
}
</g>`;
  });
  const axisY = TOP + rows.length * ROW_H + 2;
  return html`<svg class="chart" role="img" aria-labelledby="${titleId} ${descId}" width="100%" height="${height}" xmlns="http://www.w3.org/2000/svg" data-unit="${view.id}">
<title id="${titleId}">${w.chartTitle(view.name)}</title>
<desc id="${descId}">${desc}</desc>
${body}
<line x1="${pct(x(0))}" x2="${pct(x(scale))}" y1="${axisY}" y2="${axisY}" class="axis"/>
<text x="0" y="${axisY + 18}" class="cap">0</text>
<text x="50%" y="${axisY + 18}" class="cap" text-anchor="middle">${w.axis}</text>
<text x="100%" y="${axisY + 18}" class="cap" text-anchor="end">${formatNumber(locale, size)}</text>
</svg>`;
}

function distributionTable(view: ScopeView, rows: readonly CurveRow[], locale: ReportLocale): SafeHtml {
  const w = TEXT[locale];
  return html`<table class="data">
<caption>${w.tableCaption(view.name)}</caption>
<thead><tr><th scope="col">${w.predikat}</th><th scope="col" class="num">${w.count}</th><th scope="col">${w.curve}</th></tr></thead>
<tbody>
${rows.map((r) => {
  const band = r.status === 'OK' || r.status === 'VIOLATED' ? bandText(r, w, locale) : '';
  const note = rowNote(r, w);
  const curveCell = band
    ? html`<span class="band-n">${band}</span>, ${note}`
    : r.status === 'NOT_APPLICABLE'
      ? html`${note}`
      : html`<span aria-hidden="true">—</span><span class="sr-only">${w.noRule}</span>`;
  return html`<tr${r.status === 'VIOLATED' ? raw(' class="out"') : ''} data-predikat="${r.predikats.join('+')}"><th scope="row">${rowLabel(r.predikats, locale)}</th><td class="num">${countText(r, view.size, locale)}</td><td>${curveCell}</td></tr>
`;
})}
</tbody>
</table>`;
}

export function scopeFigure(view: ScopeView, checks: readonly RuleCheck[] | undefined, key: string, locale: ReportLocale, wide = false): SafeHtml {
  const w = TEXT[locale];
  const rows = curveRows(view.counts, checks);
  return html`<div class="figure${wide ? ' wide' : ''}">
${chartSvg(view, rows, key, locale)}
${distributionTable(view, rows, locale)}
${view.size === 0 ? html`<p class="muted">${w.noPredikatYet}</p>` : ''}
${view.other > 0 ? html`<p class="muted">${w.others(formatNumber(locale, view.other))}</p>` : ''}
</div>`;
}
