/**
 * Registers custom elements so that loading a bundle twice on one page is harmless.
 * @module
 */

const VERSION_KEY = Symbol.for('jiceng.elementVersions');

type Registry = Map<string, string>;
function versions(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[VERSION_KEY] ??= new Map<string, string>());
}

/**
 * Defines `tag` unless it is already defined. A second definition of the same version is
 * skipped silently; a different version already on the page is kept and a warning names both,
 * since a tag can be defined only once per page.
 *
 * @returns true if this call defined the element.
 * @example
 * ```ts
 * import { defineElement } from '@jiceng/ui';
 * defineElement('jc-grid-tree', JcGridTree, '0.1.0');
 * defineElement('jc-grid-tree', JcGridTree, '0.1.0'); // false, no error
 * ```
 */
export function defineElement(tag: string, ctor: CustomElementConstructor, version: string): boolean {
  const existing = customElements.get(tag);
  if (existing) {
    const had = versions().get(tag);
    if (had !== version) {
      console.warn(`[jiceng] <${tag}> ${had ?? 'unknown version'} is already defined; ${version} was not registered.`);
    }
    return false;
  }
  customElements.define(tag, ctor);
  versions().set(tag, version);
  return true;
}

/**
 * The version of `tag` registered through {@link defineElement}, if any.
 *
 * @example
 * ```ts
 * definedVersion('jc-grid-tree'); // '0.1.0'
 * ```
 */
export function definedVersion(tag: string): string | undefined {
  return versions().get(tag);
}
