/**
 * A quick yes for values a zod schema surely accepts, compiled from that schema's own
 * definition (so the rules keep one source): a log line that passes needs no zod run; one
 * that does not is handed to zod, which gives the issues. Internal to the event log reader.
 * @module
 */
import type { z } from 'zod';

/** True only if the schema accepts the value; false means "ask the schema" (it may still accept). */
export type QuickCheck = (value: unknown) => boolean;

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, { _zod: { def: Def } }>;
  catchall?: { _zod: { def: Def } };
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  entries?: Record<string, unknown>;
  values?: unknown[];
}
interface CheckDef {
  check: string;
  maximum?: number;
  minimum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
  fn?: (v: unknown) => unknown;
  tx?: (v: unknown) => unknown;
}

/** One step of a value's checks: a test, or (zod's `overwrite`, as `.trim()`) a change the later tests see. */
type Step = { ok: (v: never) => boolean; tx?: undefined } | { tx: (v: unknown) => unknown; ok?: undefined };

/** The checks of a string, number or array, or `undefined` if one is of a kind not known here. */
function compileChecks(checks: Def['checks'], kind: 'string' | 'number' | 'array'): Step[] | undefined {
  const out: Step[] = [];
  const push = (ok: (v: never) => boolean) => out.push({ ok });
  for (const c of checks ?? []) {
    const d = c._zod.def;
    switch (d.check) {
      case 'max_length': {
        const max = d.maximum!;
        if (kind === 'number' || typeof max !== 'number') return undefined;
        push((v: string) => v.length <= max);
        break;
      }
      case 'min_length': {
        const min = d.minimum!;
        if (kind === 'number' || typeof min !== 'number') return undefined;
        push((v: string) => v.length >= min);
        break;
      }
      case 'greater_than': {
        const x = d.value!;
        if (kind !== 'number' || typeof x !== 'number') return undefined;
        push(d.inclusive ? (v: number) => v >= x : (v: number) => v > x);
        break;
      }
      case 'less_than': {
        const x = d.value!;
        if (kind !== 'number' || typeof x !== 'number') return undefined;
        push(d.inclusive ? (v: number) => v <= x : (v: number) => v < x);
        break;
      }
      case 'overwrite': {
        const tx = d.tx;
        if (kind !== 'string' || typeof tx !== 'function') return undefined;
        out.push({ tx });
        break;
      }
      case 'number_format':
        if (kind !== 'number' || d.format !== 'safeint') return undefined;
        push((v: number) => Number.isSafeInteger(v));
        break;
      case 'string_format': {
        const re = d.pattern;
        if (kind !== 'string' || d.format !== 'regex' || !(re instanceof RegExp) || re.global || re.sticky) return undefined;
        push((v: string) => re.test(v));
        break;
      }
      case 'custom': {
        // A refinement: its own function, and only a plain `true` is a yes (a promise is not).
        const fn = d.fn;
        if (typeof fn !== 'function') return undefined;
        push((v: never) => fn(v) === true);
        break;
      }
      default:
        return undefined;
    }
  }
  return out;
}

function all(steps: Step[], v: unknown): boolean {
  let x = v;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i];
    if (s.tx !== undefined) {
      x = s.tx(x);
      if (typeof x !== typeof v) return false;
    } else if (!s.ok(x as never)) return false;
  }
  return true;
}

function compileDef(def: Def): QuickCheck | undefined {
  switch (def.type) {
    case 'string': {
      const checks = compileChecks(def.checks, 'string');
      return checks && ((v) => typeof v === 'string' && all(checks, v));
    }
    case 'number': {
      const checks = compileChecks(def.checks, 'number');
      return checks && ((v) => typeof v === 'number' && Number.isFinite(v) && all(checks, v));
    }
    case 'boolean':
      return def.checks?.length ? undefined : (v) => typeof v === 'boolean';
    case 'unknown':
      return def.checks?.length ? undefined : () => true;
    case 'enum': {
      if (def.checks?.length || !def.entries) return undefined;
      const values = new Set(Object.values(def.entries));
      return (v) => (typeof v === 'string' || typeof v === 'number') && values.has(v);
    }
    case 'literal': {
      if (def.checks?.length || !Array.isArray(def.values)) return undefined;
      const values = def.values;
      return (v) => values.includes(v);
    }
    case 'optional': {
      const inner = def.innerType && compileDef(def.innerType._zod.def);
      return inner && ((v) => v === undefined || inner(v));
    }
    case 'array': {
      const checks = compileChecks(def.checks, 'array');
      const element = def.element && compileDef(def.element._zod.def);
      if (!checks || !element) return undefined;
      return (v) => {
        if (!Array.isArray(v) || !all(checks, v)) return false;
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
        return true;
      };
    }
    case 'object': {
      if (def.checks?.length || !def.shape) return undefined;
      // Unknown keys: kept (passthrough, `catchall` unknown) or dropped (the default): either way accepted.
      if (def.catchall !== undefined && def.catchall._zod.def.type !== 'unknown') return undefined;
      const keys = Object.keys(def.shape);
      const fields: QuickCheck[] = [];
      for (const k of keys) {
        const f = compileDef(def.shape[k]._zod.def);
        if (!f) return undefined;
        fields.push(f);
      }
      return (v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
        const o = v as Record<string, unknown>;
        for (let i = 0; i < keys.length; i++) if (!fields[i](o[keys[i]])) return false;
        return true;
      };
    }
    default:
      return undefined;
  }
}

/**
 * Compiles a quick check from a zod schema of the kinds the event log uses (objects, strings
 * with lengths, patterns and refinements, numbers with bounds, enums, literals, booleans,
 * arrays, optionals); `undefined` for a schema with anything else (then ask zod every time).
 *
 * @example
 * ```ts
 * const quick = quickCheck(z.object({ n: z.number().int() }));
 * quick?.({ n: 1 }); // true
 * quick?.({ n: 1.5 }); // false: zod decides (and refuses)
 * ```
 */
export function quickCheck(schema: z.ZodType): QuickCheck | undefined {
  const def = (schema as unknown as { _zod?: { def?: Def } } | null)?._zod?.def;
  return def ? compileDef(def) : undefined;
}
