// Type-level checks of the React typings: each @ts-expect-error must be an error, so the
// typings are strict, not `any`. (Type-checked by `pnpm --filter @jiceng/example-react check`.)
import type {} from '@jiceng/grid-tree/react';
import type {} from '@jiceng/dashboard/react';
import type {} from '@jiceng/case-form/react';

export const checks = [
  // @ts-expect-error selection is 'single' | 'multiple' | 'scope'
  <jc-grid-tree selection="all" />,
  // @ts-expect-error the hierarchy is an index object, not a string
  <jc-grid-tree hierarchy="350300" />,
  <jc-grid-tree onjc-select={(e) => e.detail.codes.join(',')} />,
  // @ts-expect-error jc-select's detail has no such field
  <jc-grid-tree onjc-select={(e) => e.detail.nothing} />,
  <jc-dashboard onjc-period={(e) => e.detail.period.toUpperCase()} />,
  // @ts-expect-error mode is 'standard' | 'wall'
  <jc-dashboard mode="huge" />,
  <jc-case-actions onjc-command={(e) => e.detail.command} />,
  <jc-case-intake hideSubmit onjc-submit={(e) => e.detail.discover.node} />,
  // @ts-expect-error jc-case-intake sends jc-submit, not jc-command
  <jc-case-intake onjc-command={(e) => e.detail.command} />,
  <jc-case-file noPrintButton />,
];
