/**
 * `@jiceng/ui`: what every Jiceng element shares — version-aware registration, language
 * resolution, string templates, argument checks and the theme tokens.
 * @packageDocumentation
 */
export * from './define.js';
export * from './lang.js';
export * from './language.js';
export * from './events.js';
export * from './args.js';
export * from './theme.js';
export * from './jsx.js';
export * from './time.js';
export * from './csv.js';
