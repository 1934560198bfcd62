/**
 * A QR code as inline SVG, with the `qrcode` library's core and SVG renderer only (no PNG or canvas
 * code in the bundle, nothing fetched). Error correction M (15 %): survives a crease or a smudge on a
 * printed poster.
 */
// @ts-expect-error: qrcode's internal modules have no declarations; their shapes are declared below.
import * as core from 'qrcode/lib/core/qrcode.js';
// @ts-expect-error: as above.
import * as svgTag from 'qrcode/lib/renderer/svg-tag.js';

interface QrCore {
  create(text: string, options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' }): unknown;
}
interface QrSvg {
  render(qr: unknown, options: { margin: number; color: { dark: string; light: string } }): string;
}

/** `<svg …>` of the URL, square, scalable (viewBox; size it with CSS). */
export function qrSvg(text: string): string {
  const qr = (core as QrCore).create(text, { errorCorrectionLevel: 'M' });
  return (svgTag as QrSvg).render(qr, { margin: 2, color: { dark: '#000000ff', light: '#ffffffff' } });
}
