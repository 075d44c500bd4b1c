/**
 * One language's column of a core label table (the core names sources, urgencies, commands and
 * statuses once). Internal: shared by the strings of the form elements and of the case file.
 * @module
 */
import type { LocalizedText } from '@jiceng/core';

/** One language's column of a core label table. @example `column(URGENCY_LABELS, 'en').urgent // 'urgent'` */
export function column<K extends string>(table: Readonly<Record<K, LocalizedText>>, lang: 'zh' | 'en'): Record<K, string> {
  return Object.fromEntries(Object.entries<LocalizedText>(table).map(([k, v]) => [k, v[lang]])) as Record<K, string>;
}
