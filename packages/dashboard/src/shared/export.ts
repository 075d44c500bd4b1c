/**
 * Exporting what is shown: a chart as SVG or PNG, the figures as CSV. Every export first
 * sends a cancelable `jc-export` event, so a host can take the file instead of the download.
 * @module
 */
import { render, type TemplateResult } from 'lit';
import { emit, type JcExportDetail } from './events.js';
import { need } from '@jiceng/ui';

/**
 * Renders an SVG template off-screen and returns it as a standalone SVG document string.
 *
 * @example
 * ```ts
 * const text = serializeSvg(html`<svg width="10" height="10"><rect width="10" height="10"/></svg>`);
 * ```
 */
export function serializeSvg(tpl: TemplateResult): string {
  need('serializeSvg', 'tpl', tpl, 'object');
  const box = document.createElement('div');
  render(tpl, box);
  const svg = box.querySelector('svg');
  if (!svg) throw new Error('serializeSvg: the template has no <svg>');
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  // Lit's template markers are comments; text content is escaped by the serializer.
  return new XMLSerializer().serializeToString(svg).replace(/<!--[\s\S]*?-->/g, '');
}

/**
 * Draws an SVG document onto a canvas and returns it as a PNG, at `scale` times its size.
 *
 * @example
 * ```ts
 * const png = await svgToPng(text, 640, 240);
 * ```
 */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  need('svgToPng', 'svgText', svgText, 'string');
  need('svgToPng', 'width', width, 'number');
  need('svgToPng', 'height', height, 'number');
  need('svgToPng', 'scale', scale, 'number');
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = width;
    img.height = height;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('svgToPng: the SVG could not be drawn'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('svgToPng: no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('svgToPng: encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Sends `jc-export` from `host`; unless a listener cancels it, downloads the file through a
 * Blob URL. Returns true if the download was started.
 *
 * @example
 * ```ts
 * deliver(this, { format: 'csv', filename: 'figures.csv', text, blob: new Blob([text]) });
 * ```
 */
export function deliver(host: Element, detail: JcExportDetail): boolean {
  if (!emit(host, 'jc-export', detail, true)) return false;
  const url = URL.createObjectURL(detail.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = detail.filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return true;
}

/**
 * A file name from a title: characters that file systems refuse are replaced.
 *
 * @example
 * ```ts
 * fileName('案件趋势 2024/03', 'svg'); // '案件趋势 2024-03.svg'
 * ```
 */
export function fileName(title: string, ext: string): string {
  need('fileName', 'title', title, 'string');
  need('fileName', 'ext', ext, 'string');
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not carry
  const base = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim() || 'jiceng';
  return `${base}.${ext}`;
}
