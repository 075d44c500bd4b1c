/**
 * Attachment metadata from picked files: name, type, size and, where the page may use
 * `crypto.subtle` (HTTPS or localhost), the SHA-256 of the content. The files themselves are
 * the host's to upload.
 * @module
 */
import type { Attachment } from '@jiceng/core/cases';
import { need } from '@jiceng/core/errors';

let counter = 0;

function newId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return `f-${c.randomUUID()}`;
  counter += 1;
  return `f-${Date.now().toString(36)}-${counter}`;
}

/**
 * The SHA-256 of a file as 64 lowercase hex digits, or undefined where the page has no
 * `crypto.subtle` (plain-HTTP intranet pages).
 *
 * @example
 * ```ts
 * await sha256Hex(new File(['abc'], 'a.txt')); // 'ba7816bf…'
 * ```
 */
export async function sha256Hex(file: Blob): Promise<string | undefined> {
  need('sha256Hex', 'file', file, 'object', { arrayBuffer: 'function' });
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = await subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Records a picked file's metadata (with its hash when the page can compute one).
 *
 * @example
 * ```ts
 * const meta = await attachmentOf(input.files![0]);
 * meta.sha256; // 64 hex digits on HTTPS pages
 * ```
 */
export async function attachmentOf(file: File): Promise<Attachment> {
  need('attachmentOf', 'file', file, 'object', { name: 'string', size: 'number', arrayBuffer: 'function' });
  const meta: Attachment = { id: newId(), name: file.name, mime: file.type || 'application/octet-stream', size: file.size };
  const hash = await sha256Hex(file);
  if (hash) meta.sha256 = hash;
  return meta;
}

/**
 * A byte count for people: `512 B`, `1.5 KB`, `2.3 MB`.
 *
 * @example
 * ```ts
 * formatSize(1536); // '1.5 KB'
 * ```
 */
export function formatSize(bytes: number): string {
  need('formatSize', 'bytes', bytes, 'number');
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
