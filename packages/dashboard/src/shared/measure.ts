/**
 * Keeping a chart as wide as its box: a reactive controller over ResizeObserver.
 * @module
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks the inline size and font size of its host element and requests an update when
 * they change.
 *
 * @example
 * ```ts
 * private size = new SizeController(this, 640);
 * render() { return html`<svg width=${this.size.width}></svg>`; }
 * ```
 */
export class SizeController implements ReactiveController {
  /** Current content width in CSS pixels. */
  width: number;
  /** Current font size in CSS pixels. */
  fontPx = 14;
  /** The smallest text size the host allows (the CSS custom property `--jc-text-min`), in CSS pixels; 0 if unset. */
  minPx = 0;
  private ro: ResizeObserver | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, fallbackWidth: number) {
    this.width = fallbackWidth;
    host.addController(this);
  }

  hostConnected(): void {
    this.ro = new ResizeObserver((entries) => {
      const w = Math.round(entries[entries.length - 1].contentRect.width);
      const style = getComputedStyle(this.host);
      const fs = parseFloat(style.fontSize) || 14;
      const min = parseFloat(style.getPropertyValue('--jc-text-min')) || 0;
      if ((w > 0 && Math.abs(w - this.width) >= 1) || fs !== this.fontPx || min !== this.minPx) {
        if (w > 0) this.width = w;
        this.fontPx = fs;
        this.minPx = min;
        this.host.requestUpdate();
      }
    });
    this.ro.observe(this.host);
  }

  hostDisconnected(): void {
    this.ro?.disconnect();
    this.ro = null;
  }
}

/**
 * Estimated width of a text at a font size: CJK characters take one em, others about 0.6.
 *
 * @example
 * ```ts
 * textWidth('办结率', 14); // 42
 * ```
 */
export function textWidth(text: string, fontPx: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.6;
  return w * fontPx;
}
