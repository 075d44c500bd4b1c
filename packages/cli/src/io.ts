/**
 * What a command may touch: its output streams and files. Commands receive a {@link CliIo}
 * instead of using `process` and `node:fs`, so tests run them in-process on an in-memory
 * file system and read what they printed.
 * @module
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, resolve } from 'node:path';
import { argumentError, isObject } from '@jiceng/core/errors';

/**
 * Output and file access for a command.
 *
 * @example
 * ```ts
 * const io = nodeIo();
 * io.out('你好\n');
 * const bytes = await io.readFile('nodes.csv');
 * ```
 */
export interface CliIo {
  /** Writes to standard output (no newline is added). */
  out(text: string): void;
  /** Writes to standard error (no newline is added). */
  err(text: string): void;
  /** Reads a file's bytes (so that importers can detect a BOM or a wrong encoding). */
  readFile(path: string): Promise<Uint8Array>;
  /** Writes a file, creating missing parent directories. */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /** What lies at a path: `'file'`, `'dir'`, or `null` if nothing. */
  kind(path: string): Promise<'file' | 'dir' | null>;
  /** The names of the entries of a directory, sorted. */
  readDir(path: string): Promise<string[]>;
  /** Resolves a path against the working directory. */
  resolve(path: string): string;
  /**
   * Reads a file piece by piece, for files too big to hold at once (an event log of
   * millions of lines). Optional: without it, commands fall back to {@link CliIo.readFile}.
   */
  readChunks?(path: string): AsyncIterable<Uint8Array>;
  /**
   * Opens a file for writing piece by piece (creating missing parent directories), for
   * output too big to build as one string. Optional: without it, commands collect the
   * pieces and call {@link CliIo.writeFile} once.
   */
  openWrite?(path: string): Promise<FileSink>;
}

/**
 * Requires a {@link CliIo} (an object with `out`, `err`, `readFile`, `writeFile` and `kind`),
 * else a `JcError` `E_ARGUMENT` naming the function.
 *
 * @example
 * ```ts
 * needIo('scanEventLog', io);
 * ```
 */
export function needIo(fn: string, io: unknown): asserts io is CliIo {
  const ok = isObject(io) && ['out', 'err', 'readFile', 'writeFile', 'kind'].every((k) => typeof io[k] === 'function');
  if (!ok) throw argumentError(fn, 'io', { zh: ' CliIo（nodeIo() 或 memoryIo()）', en: 'a CliIo (nodeIo() or memoryIo())' });
}

/**
 * A file being written piece by piece (see {@link CliIo.openWrite}).
 *
 * @example
 * ```ts
 * const sink = await io.openWrite!('out/log.jsonl');
 * await sink.write('{"caseId":"c1"}\n');
 * await sink.close();
 * ```
 */
export interface FileSink {
  /** Appends text (UTF-8); resolves when the sink can take more. */
  write(text: string): Promise<void>;
  /** Flushes and closes the file. */
  close(): Promise<void>;
}

/**
 * The real {@link CliIo}: `process.stdout`/`stderr` and the file system, paths relative to
 * `cwd` (default `process.cwd()`).
 *
 * @example
 * ```ts
 * import { main, nodeIo } from '@jiceng/cli';
 * process.exitCode = await main(['putian', '--summary'], nodeIo());
 * ```
 */
export function nodeIo(cwd: string = process.cwd()): CliIo {
  const abs = (p: string): string => resolve(cwd, p);
  return {
    out: (text) => { process.stdout.write(text); },
    err: (text) => { process.stderr.write(text); },
    readFile: async (p) => new Uint8Array(await readFile(abs(p))),
    writeFile: async (p, data) => {
      await mkdir(dirname(abs(p)), { recursive: true });
      await writeFile(abs(p), data);
    },
    kind: async (p) => {
      try {
        const s = await stat(abs(p));
        return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : null;
      } catch {
        return null;
      }
    },
    readDir: async (p) => (await readdir(abs(p))).sort(),
    resolve: abs,
    readChunks: (p) => createReadStream(abs(p), { highWaterMark: 1 << 20 }),
    openWrite: async (p) => {
      await mkdir(dirname(abs(p)), { recursive: true });
      const stream = createWriteStream(abs(p));
      await once(stream, 'open');
      let failure: Error | undefined;
      stream.on('error', (e) => { failure = e; });
      return {
        write: async (text) => {
          if (failure) throw failure;
          if (!stream.write(text)) await once(stream, 'drain');
        },
        close: async () => {
          if (failure) throw failure;
          await new Promise<void>((ok, ko) => stream.end((e?: Error | null) => (e ? ko(e) : ok())));
        },
      };
    },
  };
}

/**
 * An in-memory {@link CliIo} for tests: files are a map from path to content; everything
 * printed is collected. `readChunks` gives 4 KiB pieces, so that tests meet lines and
 * multi-byte characters cut between pieces.
 *
 * @example
 * ```ts
 * const io = memoryIo({ 'data/nodes.csv': 'code,parent,level,name\n' });
 * const code = await main(['validate', 'data'], io);
 * io.stdout();                  // what the command printed
 * io.text('out/a.json');        // what it wrote, as text (undefined if not written)
 * ```
 */
export function memoryIo(files: Record<string, string | Uint8Array> = {}): CliIo & {
  /** Everything written to standard output so far. */
  stdout(): string;
  /** Everything written to standard error so far. */
  stderr(): string;
  /** The files, by normalised path. */
  files: Map<string, Uint8Array>;
  /** A file's content as UTF-8 text, or undefined if there is none. */
  text(path: string): string | undefined;
} {
  if (!isObject(files)) throw argumentError('memoryIo', 'files', { zh: '路径到内容的对象', en: 'an object from paths to contents' });
  for (const [p, c] of Object.entries(files)) {
    if (typeof c !== 'string' && !(c instanceof Uint8Array)) throw argumentError('memoryIo', `files["${p}"]`, { zh: '文本或字节', en: 'a string or bytes' });
  }
  const norm = (p: string): string => {
    const n = normalize(isAbsolute(p) ? p : join('/mem', p));
    return n.endsWith('/') && n.length > 1 ? n.slice(0, -1) : n;
  };
  const enc = new TextEncoder();
  const store = new Map<string, Uint8Array>();
  for (const [p, c] of Object.entries(files)) store.set(norm(p), typeof c === 'string' ? enc.encode(c) : c);
  let out = '';
  let err = '';
  const isDir = (p: string): boolean => [...store.keys()].some((k) => k.startsWith(`${p}/`));
  const noEntry = (p: string): Error => Object.assign(new Error(`ENOENT: no such file or directory, '${p}'`), { code: 'ENOENT' });
  return {
    out: (t) => { out += t; },
    err: (t) => { err += t; },
    stdout: () => out,
    stderr: () => err,
    files: store,
    text: (p) => {
      const c = store.get(norm(p));
      return c === undefined ? undefined : new TextDecoder('utf-8', { ignoreBOM: true }).decode(c);
    },
    readFile: async (p) => {
      const c = store.get(norm(p));
      if (!c) throw noEntry(p);
      return c;
    },
    writeFile: async (p, data) => { store.set(norm(p), typeof data === 'string' ? enc.encode(data) : data); },
    kind: async (p) => (store.has(norm(p)) ? 'file' : isDir(norm(p)) ? 'dir' : null),
    async *readChunks(p) {
      const c = store.get(norm(p));
      if (!c) throw noEntry(p);
      for (let i = 0; i < c.length; i += 4096) yield c.subarray(i, i + 4096);
    },
    openWrite: async (p) => {
      const parts: Uint8Array[] = [];
      const flush = (): void => {
        const all = new Uint8Array(parts.reduce((n, x) => n + x.length, 0));
        let at = 0;
        for (const x of parts) {
          all.set(x, at);
          at += x.length;
        }
        store.set(norm(p), all);
      };
      flush();
      return {
        write: async (text) => { parts.push(enc.encode(text)); },
        close: async () => { flush(); },
      };
    },
    readDir: async (p) => {
      const dir = norm(p);
      if (!isDir(dir)) throw noEntry(p);
      const names = new Set<string>();
      for (const k of store.keys()) if (k.startsWith(`${dir}/`)) names.add(k.slice(dir.length + 1).split('/')[0]);
      return [...names].sort();
    },
    resolve: norm,
  };
}
