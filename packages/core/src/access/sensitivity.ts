/**
 * Sensitivity levels of fields and the views data is shown in.
 * @module
 */

/**
 * How sensitive a field is, from least to most: `public` may be shown to anyone;
 * `internal` to staff; `personal` identifies a person (name, phone, address: PIPL art. 4);
 * `sensitive` is sensitive personal information (identity numbers, health, criminal record,
 * whereabouts: PIPL art. 28).
 *
 * @example
 * ```ts
 * SENSITIVITIES.indexOf('personal') > SENSITIVITIES.indexOf('internal'); // true
 * ```
 */
export const SENSITIVITIES = ['public', 'internal', 'personal', 'sensitive'] as const;
/** One sensitivity level. @example `const s: Sensitivity = 'sensitive';` */
export type Sensitivity = (typeof SENSITIVITIES)[number];

/**
 * The rank of a sensitivity (public 0 … sensitive 3), for comparisons.
 *
 * @example
 * ```ts
 * sensitivityRank('personal'); // 2
 * ```
 */
export function sensitivityRank(s: Sensitivity): number {
  return SENSITIVITIES.indexOf(s);
}

/**
 * Where data is shown. `staff` is a working screen of a signed-in actor; `export` a file;
 * `public` a page anyone can open; `wall-screen` a large screen in a hall that visitors see.
 * `public` and `wall-screen` never show personal data, whatever the actor's role.
 *
 * @example
 * ```ts
 * VIEWS.includes('wall-screen'); // true
 * ```
 */
export const VIEWS = ['staff', 'export', 'public', 'wall-screen'] as const;
/** A view. @example `const v: View = 'public';` */
export type View = (typeof VIEWS)[number];

/**
 * The highest sensitivity a view may show at all (masked or not): `public` shows only public
 * fields, `wall-screen` public and internal ones, `staff` and `export` everything (masked as the
 * actor's rights require).
 *
 * @example
 * ```ts
 * viewCeiling('wall-screen'); // 'internal'
 * ```
 */
export function viewCeiling(view: View): Sensitivity {
  return view === 'public' ? 'public' : view === 'wall-screen' ? 'internal' : 'sensitive';
}

/**
 * True for the views that never show personal data nor any special-population record.
 *
 * @example
 * ```ts
 * isOpenView('public'); // true
 * isOpenView('staff');  // false
 * ```
 */
export function isOpenView(view: View): boolean {
  return view === 'public' || view === 'wall-screen';
}
