// Prisma's query plans, compiled once per shape of query.
//
// Prisma 6.19 with driver adapters compiles every query into a plan with its query compiler
// (WebAssembly) on the thread that calls it: about 0.25-0.4 ms for a findUnique or an update,
// for each query, every time. Under a burst of decisions that compilation was a sixth of the
// bot's main thread (bench --profile), competing with the acks. Prisma 7.4 caches plans by
// the query's shape (prisma/prisma#29038); Prisma 7 does not run here (docs/stack.md), so
// this does the same for 6.19, outside Prisma, and proves each shape before it trusts it.
//
// How. A query's values (strings, integers, DateTime and Json values in its arguments) are
// taken out; what remains (the model, the action, the arguments' keys, nulls, booleans,
// floats, array lengths, orderBy/take/skip/cursor and the like whole, the selection) is the
// shape. The first query of a shape is compiled as it is, and once more with every value
// replaced by a unique stand-in of the same type. Where the stand-ins come back in the
// second plan, as whole values, are the plan's holes. The shape is cached only if:
//   - every stand-in came back, each only as a whole value (never inside a longer string),
//   - and the holes filled with the query's own values give exactly the first plan.
// Otherwise the shape is marked as not cacheable and always compiled. A cached shape's
// later queries get a fresh copy of the plan with their values in the holes, no compiling.
//
// MAMORI_PLAN_CACHE=off turns it off. MAMORI_PLAN_CACHE=verify (the test suite) also
// compiles every query it answers from the cache and throws when the plans differ.
import { isDeepStrictEqual } from "node:util";

/** The query compiler's class as Prisma's runtime exports it (query_compiler_bg.*.mjs). */
export interface CompilerClass {
  prototype: { compile(query: string): unknown };
}

/** Arguments taken whole into the shape: their values change the plan's form, not only its parameters. */
const WHOLE = new Set(["orderBy", "take", "skip", "cursor", "distinct", "mode", "by", "relationLoadStrategy", "path", "search", "nulls", "sort"]);
/** Tagged values that are parameters; any other tag ($type: FieldRef, Enum, Raw, Bytes, Decimal, BigInt) is part of the shape. */
const TAGGED_PARAMS = new Set(["DateTime", "Json"]);
/** shapes kept per compiler (a compiler serves one schema); the oldest is dropped beyond this */
const MAX_SHAPES = 2_000;

type Kind = "string" | "int" | "DateTime" | "Json";
interface Param {
  kind: Kind;
  /** the value as the plan carries it: a string or an integer */
  value: string | number;
}

/** A plan with holes: the path of each hole and the parameter that fills it. */
interface Template {
  plan: unknown;
  holes: Hole[];
}
interface Hole {
  /** keys and indexes from the plan's root to the hole */
  path: (string | number)[];
  param: number;
  /** how the plan carries the value: as it is, or an integer as a decimal string */
  as: "same" | "string";
}

type Entry = Template | "uncacheable";

export interface PlanCacheStats {
  hits: number;
  misses: number;
  uncacheable: number;
}

const stats: PlanCacheStats = { hits: 0, misses: 0, uncacheable: 0 };
export const planCacheStats = (): PlanCacheStats => ({ ...stats });

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The shape of a query's arguments (JSON-able, with `{ $p: kind }` where a value was) and
 * its values, in order.
 */
function parameterize(v: unknown, params: Param[]): unknown {
  if (typeof v === "string") {
    params.push({ kind: "string", value: v });
    return { $p: "string" };
  }
  if (typeof v === "number") {
    // an integer is a parameter; a float is part of the shape (no Float field is filtered on here)
    if (!Number.isSafeInteger(v) || Math.abs(v) >= 2 ** 31) return v;
    params.push({ kind: "int", value: v });
    return { $p: "int" };
  }
  if (Array.isArray(v)) return v.map((x) => parameterize(x, params));
  if (!isObj(v)) return v; // null, booleans
  if (typeof v.$type === "string") {
    if (TAGGED_PARAMS.has(v.$type) && typeof v.value === "string") {
      params.push({ kind: v.$type as Kind, value: v.value });
      return { $p: v.$type };
    }
    return v;
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = WHOLE.has(k) ? { $whole: x } : parameterize(x, params);
  return out;
}

/** A stand-in for parameter i, of its kind, that nothing else in a plan can equal. */
function standIn(kind: Kind, i: number): string | number {
  switch (kind) {
    case "string":
      return `__mamori_plan_${i}__`;
    case "int":
      return 1_900_000_000 + i * 7;
    case "DateTime":
      // distinct instants in 1999: no query of the bot's carries one
      return new Date(Date.UTC(1999, 0, 1) + (i + 1) * 1_001).toISOString();
    case "Json":
      return JSON.stringify(`__mamori_plan_${i}__`);
  }
}

/** The query with its values replaced, in the same order as `parameterize` found them. */
function withValues(v: unknown, values: (string | number)[], at: { i: number }): unknown {
  if (typeof v === "string" || (typeof v === "number" && Number.isSafeInteger(v) && Math.abs(v) < 2 ** 31)) return values[at.i++];
  if (Array.isArray(v)) return v.map((x) => withValues(x, values, at));
  if (!isObj(v)) return v;
  if (typeof v.$type === "string") return TAGGED_PARAMS.has(v.$type) && typeof v.value === "string" ? { ...v, value: values[at.i++] } : v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = WHOLE.has(k) ? x : withValues(x, values, at);
  return out;
}

/** Finds the stand-ins in a plan. Null: a stand-in inside a longer string, or one missing. */
function holesOf(plan: unknown, stands: (string | number)[]): Hole[] | null {
  const strings = new Map<string, number>();
  const ints = new Map<number, number>();
  stands.forEach((s, i) => {
    if (typeof s === "number") {
      ints.set(s, i);
      strings.set(String(s), i);
    } else strings.set(s, i);
  });
  const holes: Hole[] = [];
  let leaked = false;
  const walk = (v: unknown, path: (string | number)[]) => {
    if (leaked) return;
    if (typeof v === "string") {
      const i = strings.get(v);
      if (i !== undefined) holes.push({ path, param: i, as: typeof stands[i] === "number" ? "string" : "same" });
      else if (v.includes("__mamori_plan_") || [...ints.keys()].some((n) => v.includes(String(n)))) leaked = true;
      return;
    }
    if (typeof v === "number") {
      const i = ints.get(v);
      if (i !== undefined) holes.push({ path, param: i, as: "same" });
      return;
    }
    if (Array.isArray(v)) return v.forEach((x, j) => walk(x, [...path, j]));
    if (isObj(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(plan, []);
  if (leaked) return null;
  const seen = new Set(holes.map((h) => h.param));
  return stands.every((_, i) => seen.has(i)) ? holes : null;
}

/** A fresh plan: the template's, with the values in its holes. */
function fill(t: Template, params: Param[]): unknown {
  const plan = structuredClone(t.plan);
  for (const h of t.holes) {
    let at = plan as Record<string | number, unknown>;
    for (const k of h.path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
    const v = params[h.param]!.value;
    at[h.path[h.path.length - 1]!] = h.as === "string" ? String(v) : v;
  }
  return plan;
}

/**
 * Caches the plans of `compiler`'s instances (each its own cache: a compiler is built for
 * one datamodel and schema). Installed once per class; `mode` "verify" compares every plan
 * answered from the cache with a fresh compile.
 */
export function installPlanCache(compiler: CompilerClass, mode: "on" | "verify" | "off"): void {
  const proto = compiler.prototype as CompilerClass["prototype"] & { [INSTALLED]?: true };
  if (mode === "off" || proto[INSTALLED]) return;
  const compile = proto.compile;
  const caches = new WeakMap<object, Map<string, Entry>>();
  proto[INSTALLED] = true;
  proto.compile = function (this: object, query: string): unknown {
    let parsed: unknown;
    try {
      parsed = JSON.parse(query);
    } catch {
      return compile.call(this, query);
    }
    if (!isObj(parsed) || !isObj(parsed.query)) return compile.call(this, query);
    const q = parsed as Record<string, unknown> & { query: Record<string, unknown> };
    const params: Param[] = [];
    const key = JSON.stringify([parsed.modelName, parsed.action, parameterize(q.query.arguments ?? null, params), q.query.selection]);
    let cache = caches.get(this);
    if (!cache) {
      cache = new Map();
      caches.set(this, cache);
    }
    const entry = cache.get(key);
    if (entry === "uncacheable") {
      stats.uncacheable++;
      return compile.call(this, query);
    }
    if (entry) {
      stats.hits++;
      const plan = fill(entry, params);
      if (mode === "verify" && !isDeepStrictEqual(plan, compile.call(this, query))) {
        throw new Error(`the plan cache gave a plan that differs from the compiler's for ${parsed.modelName}.${parsed.action}`);
      }
      return plan;
    }
    stats.misses++;
    const plan = compile.call(this, query); // throws for an invalid query: nothing cached
    if (cache.size >= MAX_SHAPES) cache.delete(cache.keys().next().value!);
    cache.set(key, templateOf(this, compile, q, params, plan) ?? "uncacheable");
    return plan;
  };
}

const INSTALLED = Symbol("mamori plan cache");

function templateOf(
  compiler: object,
  compile: (q: string) => unknown,
  parsed: Record<string, unknown> & { query: Record<string, unknown> },
  params: Param[],
  plan: unknown,
): Template | null {
  if (params.length === 0) return { plan: structuredClone(plan), holes: [] };
  const stands = params.map((p, i) => standIn(p.kind, i));
  const standQuery = { ...parsed, query: { ...parsed.query, arguments: withValues(parsed.query.arguments, stands, { i: 0 }) } };
  let standPlan: unknown;
  try {
    standPlan = compile.call(compiler, JSON.stringify(standQuery));
  } catch {
    return null;
  }
  const holes = holesOf(standPlan, stands);
  if (!holes) return null;
  const t = { plan: standPlan, holes };
  // proven on this query: its own values in the holes give the compiler's own plan
  return isDeepStrictEqual(fill(t, params), plan) ? t : null;
}
