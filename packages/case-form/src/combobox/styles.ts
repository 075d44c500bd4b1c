/**
 * Styles of `<jc-combobox>`. The combobox renders into its own children (so that the label, the
 * error text and `aria-describedby` of the form around it reach its input), so these rules
 * belong to the document or shadow root it sits in: the case forms include them.
 * @module
 */
import { css } from 'lit';

/** Styles of `<jc-combobox>`. @example `document.adoptedStyleSheets = [...document.adoptedStyleSheets, comboboxStyles.styleSheet!];` */
export const comboboxStyles = css`
  jc-combobox { display: grid; gap: calc(var(--jc-space, 8px) / 2); position: relative; }
  jc-combobox[hidden] { display: none; }
  jc-combobox [role='listbox'] { list-style: none; margin: 0; padding: 0; max-block-size: 260px; overflow: auto; border: 1px solid var(--jc-border); border-radius: var(--jc-radius); background: var(--jc-bg); }
  jc-combobox [role='listbox'][hidden] { display: none; }
  jc-combobox [role='option'] { padding-block: calc(var(--jc-space) / 2); padding-inline-end: var(--jc-space); cursor: pointer; }
  jc-combobox [role='option'].active { background: var(--jc-selected-bg); outline: 1px solid var(--jc-accent); }
`;
