/**
 * SVG path data for straight-segment lines and areas with gaps, over scales from d3-scale.
 *
 * d3-shape's `line()` and `area()` would do this, but its package ships one pre-bundled ESM
 * file whose curve and symbol prototypes are assigned at module level, so no bundler can
 * drop them: importing `line` and `area` costs 17 KB minified (about 5 KB gzipped, a seventh
 * of the package's 35 KB budget) for what is, with linear segments, a few lines.
 * @module
 */

/**
 * The `d` of a polyline through the points where `y` is defined; an undefined point breaks
 * the line (a gap, never a drop to zero).
 *
 * @example
 * ```ts
 * linePath([1, null, 3], (_, i) => i * 10, (v) => v); // 'M0,1M20,3'
 * ```
 */
export function linePath<T>(items: readonly T[], x: (d: T, i: number) => number, y: (d: T) => number | null): string {
  let d = '';
  let open = false;
  items.forEach((it, i) => {
    const v = y(it);
    if (v === null) { open = false; return; }
    d += `${open ? 'L' : 'M'}${round(x(it, i))},${round(v)}`;
    open = true;
  });
  return d;
}

/**
 * The `d` of the area between a line and a baseline `y0`, one closed shape per run of
 * defined points.
 *
 * @example
 * ```ts
 * areaPath([1, 3], (_, i) => i * 10, (v) => v, 0); // 'M0,1L10,3L10,0L0,0Z'
 * ```
 */
export function areaPath<T>(items: readonly T[], x: (d: T, i: number) => number, y: (d: T) => number | null, y0: number): string {
  let d = '';
  let run: [number, number][] = [];
  const close = () => {
    if (run.length) {
      d += run.map(([px, py], k) => `${k ? 'L' : 'M'}${round(px)},${round(py)}`).join('')
        + `L${round(run[run.length - 1][0])},${round(y0)}L${round(run[0][0])},${round(y0)}Z`;
    }
    run = [];
  };
  items.forEach((it, i) => {
    const v = y(it);
    if (v === null) close();
    else run.push([x(it, i), v]);
  });
  close();
  return d;
}

const round = (n: number) => Math.round(n * 100) / 100;
