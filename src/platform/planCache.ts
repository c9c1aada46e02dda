// Prisma's query plans, compiled once per shape of query.
//
// Prisma 6.19 with driver adapters compiles every query into a plan with its query compiler
// (WebAssembly) on the thread that calls it: about 0.25-0.4 ms for a findUnique or an update,
// for each query, every time. Under a burst of decisions that compilation was a sixth of the
// bot's main thread (bench --profile), competing with the acks. Prisma 7.4 caches plans by
// the query's shape (prisma/prisma#29038); Prisma 7 does not run here (docs/stack.md), so
// this does the same for 6.19, outside Prisma, and proves each shape before it trusts it.
//
// How. A query's values (strings, integers, DateTime and Json values in its arguments; a raw
// query's parameters) are taken out; what remains is the shape: the model, the action, the
// arguments' keys, nulls, booleans, floats, array lengths, orderBy/take/skip/cursor and the
// like whole, which values are equal to which, the selection (a raw query: its SQL and its
// parameters' types). The first query of a shape is compiled as it is, and once more with
// every value replaced by a unique stand-in of the same type (equal values by the same one).
// Where the stand-ins come back in the second plan are the plan's holes: a stand-in as a
// whole value, or a part of the arguments serialized whole (a Json field's object). The
// shape is cached only if:
//   - every stand-in came back, only in such holes (never inside other text),
//   - and the holes filled with the query's own values give exactly the first plan.
// Otherwise the shape is marked as not cacheable and always compiled. A cached shape's
// later queries get a fresh copy of the plan with their values in the holes, no compiling.
//
// MAMORI_PLAN_CACHE=off turns it off. MAMORI_PLAN_CACHE=verify (the test suite) also
// compiles every query it answers from the cache and throws when the plans differ.
import { AsyncLocalStorage } from "node:async_hooks";
import { isDeepStrictEqual } from "node:util";

/** The query compiler's class as Prisma's runtime exports it (query_compiler_bg.*.mjs). */
export interface CompilerClass {
  prototype: { compile(query: string): unknown };
}

/** Arguments taken whole into the shape: their values change the plan's form, not only its parameters. */
const WHOLE = new Set(["orderBy", "take", "skip", "cursor", "distinct", "mode", "by", "relationLoadStrategy", "path", "search", "nulls", "sort"]);
/** Tagged values that are parameters; any other tag ($type: FieldRef, Enum, Raw, Bytes, Decimal, BigInt) is part of the shape. */
const TAGGED_PARAMS = new Set(["DateTime", "Json"]);
/** Raw queries: their SQL is the shape, their parameters (a JSON text) the values. */
const RAW = new Set(["queryRaw", "executeRaw"]);
/** shapes kept per compiler (a compiler serves one schema); the oldest is dropped beyond this */
const MAX_SHAPES = 2_000;
/** Where a stand-in string starts: nothing else in a plan contains it. */
const MARK = "__mamori_plan_";

type Kind = "string" | "int" | "DateTime" | "Json";
interface Param {
  kind: Kind;
  /** the value as the query carries it: a string or an integer */
  value: string | number;
}

/** A plan with holes: where each value goes, or where a part of the arguments goes as JSON text. */
interface Template {
  plan: unknown;
  holes: Hole[];
}
type Hole =
  /** `param`'s value; "string": an integer the plan carries as a decimal string */
  | { path: Path; param: number; as: "same" | "string" }
  /** the arguments' part at `part`, as JSON text (a Json field given as an object) */
  | { path: Path; part: Path };
type Path = (string | number)[];

type Entry = Template | "uncacheable";

export interface PlanCacheStats {
  /** queries answered from the cache */
  hits: number;
  /** queries of a new shape (compiled, and their shape proven or refused) */
  misses: number;
  /** queries of a shape that could not be cached (compiled each time) */
  uncacheable: number;
}

const stats: PlanCacheStats = { hits: 0, misses: 0, uncacheable: 0 };
export const planCacheStats = (): PlanCacheStats => ({ ...stats });

/**
 * The counts of the queries one piece of work makes itself (`countingPlans`, for the tests).
 * Until something runs in it, `getStore()` is a check of a flag: nothing on the bot's queries.
 */
const scoped = new AsyncLocalStorage<PlanCacheStats>();

function counted(kind: keyof PlanCacheStats): void {
  stats[kind]++;
  const own = scoped.getStore();
  if (own) own[kind]++;
}

/**
 * Runs `work` and gives the counts of the queries it made itself: what other work of the
 * process queries meanwhile (a timer, a test file that ran before) is not in them.
 */
export async function countingPlans<T>(work: () => Promise<T>): Promise<{ result: T; counts: PlanCacheStats }> {
  const counts: PlanCacheStats = { hits: 0, misses: 0, uncacheable: 0 };
  const result = await scoped.run(counts, work);
  return { result, counts };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && Math.abs(v) < 2 ** 31;

/** A query as the client sends it to the compiler (JSON protocol). */
interface Query {
  modelName?: string;
  action: string;
  query: { arguments?: unknown; selection?: unknown };
}

/**
 * The values of a query, as one tree: its arguments, or for a raw query its SQL (taken whole)
 * and its parameters (parsed from their JSON text). Null: a query this does not cache.
 */
function valuesOf(q: Query): unknown {
  if (!RAW.has(q.action)) return q.query.arguments ?? null;
  const a = q.query.arguments;
  if (!isObj(a) || typeof a.query !== "string" || typeof a.parameters !== "string") return null;
  return { query: { $whole: a.query }, parameters: JSON.parse(a.parameters) as unknown };
}

/** The query with `tree` (from valuesOf, its values replaced) in place of its values. */
function withTree(q: Query, tree: unknown): string {
  if (!RAW.has(q.action)) return JSON.stringify({ ...q, query: { ...q.query, arguments: tree } });
  const t = tree as { parameters: unknown };
  return JSON.stringify({ ...q, query: { ...q.query, arguments: { ...(q.query.arguments as object), parameters: JSON.stringify(t.parameters) } } });
}

/**
 * Walks a value tree: `leaf` gets each value (a string, an integer, a tagged DateTime or Json,
 * a raw date) and returns what stands in its place; everything else is kept.
 */
function mapValues(v: unknown, leaf: (p: Param) => unknown): unknown {
  if (typeof v === "string") return leaf({ kind: "string", value: v });
  if (isInt(v)) return leaf({ kind: "int", value: v });
  if (Array.isArray(v)) return v.map((x) => mapValues(x, leaf));
  if (!isObj(v)) return v; // null, booleans, floats (no Float field is filtered on here)
  if (typeof v.$type === "string") {
    if (TAGGED_PARAMS.has(v.$type) && typeof v.value === "string") return { ...v, value: leaf({ kind: v.$type as Kind, value: v.value }) };
    return v;
  }
  // a raw query's date parameter
  if (v.prisma__type === "date" && typeof v.prisma__value === "string") return { ...v, prisma__value: leaf({ kind: "DateTime", value: v.prisma__value }) };
  if ("$whole" in v) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = WHOLE.has(k) ? x : mapValues(x, leaf);
  return out;
}

/** A stand-in for the i-th distinct value, of its kind, that nothing else in a plan can equal. */
function standIn(kind: Kind, i: number): string | number {
  switch (kind) {
    case "string":
      return `${MARK}${i}__`;
    case "int":
      return 1_900_000_000 + i * 7;
    case "DateTime":
      // distinct instants in 1999: no query of the bot's carries one
      return new Date(Date.UTC(1999, 0, 1) + (i + 1) * 1_001).toISOString();
    case "Json":
      return JSON.stringify(`${MARK}${i}__`);
  }
}

/** The shape's key and the query's values; `eq[i]`: the first value equal to value i. */
function shapeOf(q: Query, tree: unknown): { key: string; params: Param[]; eq: number[] } {
  const params: Param[] = [];
  const shape = mapValues(tree, (p) => {
    params.push(p);
    return { $p: p.kind };
  });
  const first = new Map<string, number>();
  const eq = params.map((p, i) => {
    const k = `${p.kind}:${p.value}`;
    const j = first.get(k);
    if (j !== undefined) return j;
    first.set(k, i);
    return i;
  });
  // which values are equal is part of the shape: the compiler may plan equal values otherwise (an upsert whose where and create agree)
  const same = eq.flatMap((j, i) => (j === i ? [] : [[i, j]]));
  return { key: JSON.stringify([q.modelName, q.action, shape, q.query.selection, same]), params, eq };
}

/** Reads the value at `path` in a tree. */
function at(tree: unknown, path: Path): unknown {
  let v = tree;
  for (const k of path) v = (v as Record<string | number, unknown>)[k];
  return v;
}

/** The parts of a tree (objects and arrays), with their paths. */
function parts(tree: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []): { path: Path; value: unknown }[] {
  if (Array.isArray(tree)) {
    out.push({ path, value: tree });
    tree.forEach((x, i) => parts(x, [...path, i], out));
  } else if (isObj(tree)) {
    out.push({ path, value: tree });
    for (const [k, x] of Object.entries(tree)) parts(x, [...path, k], out);
  }
  return out;
}

/**
 * Finds the stand-ins in a plan. Null: a stand-in inside other text (not a part of the
 * arguments serialized whole), or one that does not come back.
 */
function holesOf(plan: unknown, stands: Map<string | number, number>, standTree: unknown): Hole[] | null {
  // an integer's stand-in may come back as its decimal text: that hole is filled with text
  const byText = new Map<string, { i: number; as: "same" | "string" }>();
  for (const [s, i] of stands) byText.set(String(s), { i, as: typeof s === "number" ? "string" : "same" });
  const holes: Hole[] = [];
  const seen = new Set<number>();
  const ints = [...stands.keys()].filter((s): s is number => typeof s === "number").map(String);
  const carries = (text: string) => text.includes(MARK) || ints.some((n) => text.includes(n));
  let candidates: { path: Path; value: unknown }[] | undefined;
  let leaked = false;
  const walk = (v: unknown, path: Path) => {
    if (leaked) return;
    if (typeof v === "string") {
      const found = byText.get(v);
      if (found) {
        holes.push({ path, param: found.i, as: found.as });
        seen.add(found.i);
      } else if (carries(v)) {
        // a part of the arguments as JSON text (a Json field given as an object)?
        let parsed: unknown;
        try {
          parsed = JSON.parse(v);
        } catch {
          leaked = true;
          return;
        }
        candidates ??= parts(standTree);
        const part = candidates.find((c) => isDeepStrictEqual(c.value, parsed) && JSON.stringify(c.value) === v);
        if (!part) {
          leaked = true;
          return;
        }
        holes.push({ path, part: part.path });
        for (const [s, { i }] of byText) if (v.includes(s)) seen.add(i);
      }
      return;
    }
    if (typeof v === "number") {
      const i = stands.get(v);
      if (i !== undefined) {
        holes.push({ path, param: i, as: "same" });
        seen.add(i);
      }
      return;
    }
    if (Array.isArray(v)) return v.forEach((x, j) => walk(x, [...path, j]));
    if (isObj(v)) for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(plan, []);
  if (leaked) return null;
  return [...stands.values()].every((i) => seen.has(i)) ? holes : null;
}

/**
 * The plan for a query of the template's shape: the template's, with the query's values
 * (and parts of its value tree) in its holes. Only the objects on the way to a hole are
 * copied; the rest is shared with the template, which is frozen (a runtime that wrote into
 * a plan would throw, not change the next query's plan).
 */
function fill(t: Template, params: Param[], tree: unknown): unknown {
  if (t.holes.length === 0) return t.plan;
  type Node = Record<string | number, unknown>;
  const copies = new Set<unknown>();
  const copy = (v: unknown): Node => {
    const c = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Node;
    copies.add(c);
    return c;
  };
  const root = copy(t.plan);
  for (const h of t.holes) {
    let to = root;
    for (let i = 0; i < h.path.length - 1; i++) {
      const k = h.path[i]!;
      if (!copies.has(to[k])) to[k] = copy(to[k]);
      to = to[k] as Node;
    }
    const last = h.path[h.path.length - 1]!;
    if ("part" in h) to[last] = JSON.stringify(at(tree, h.part));
    else {
      const v = params[h.param]!.value;
      to[last] = h.as === "string" ? String(v) : v;
    }
  }
  return root;
}

function deepFreeze<T>(v: T): T {
  if (typeof v === "object" && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
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
  proto.compile = function (this: object, text: string): unknown {
    let q: Query;
    let tree: unknown;
    try {
      q = JSON.parse(text) as Query;
      if (!isObj(q) || !isObj(q.query) || typeof q.action !== "string") return compile.call(this, text);
      tree = valuesOf(q);
    } catch {
      return compile.call(this, text);
    }
    if (tree === null && RAW.has(q.action)) return compile.call(this, text);
    const { key, params, eq } = shapeOf(q, tree);
    let cache = caches.get(this);
    if (!cache) {
      cache = new Map();
      caches.set(this, cache);
    }
    const entry = cache.get(key);
    if (entry === "uncacheable") {
      counted("uncacheable");
      return compile.call(this, text);
    }
    if (entry) {
      counted("hits");
      const plan = fill(entry, params, tree);
      if (mode === "verify" && !isDeepStrictEqual(plan, compile.call(this, text))) {
        throw new Error(`the plan cache gave a plan that differs from the compiler's for ${q.modelName ?? ""}.${q.action}`);
      }
      return plan;
    }
    counted("misses");
    const plan = compile.call(this, text); // throws for an invalid query: nothing cached
    if (cache.size >= MAX_SHAPES) cache.delete(cache.keys().next().value!);
    cache.set(key, templateOf(this, compile, q, tree, params, eq, plan) ?? "uncacheable");
    return plan;
  };
}

const INSTALLED = Symbol("mamori plan cache");

function templateOf(compiler: object, compile: (q: string) => unknown, q: Query, tree: unknown, params: Param[], eq: number[], plan: unknown): Template | null {
  if (params.length === 0) return { plan: deepFreeze(structuredClone(plan)), holes: [] };
  // equal values get the same stand-in, and a hole names the first of them
  const stands = new Map<string | number, number>();
  let n = 0;
  const standTree = mapValues(tree, () => {
    const i = n++;
    const s = standIn(params[i]!.kind, eq[i]!);
    stands.set(s, eq[i]!);
    return s;
  });
  let standPlan: unknown;
  try {
    standPlan = compile.call(compiler, withTree(q, standTree));
  } catch {
    return null;
  }
  const holes = holesOf(standPlan, stands, standTree);
  if (!holes) return null;
  const t = { plan: deepFreeze(standPlan), holes };
  // proven on this query: its own values in the holes give the compiler's own plan
  return isDeepStrictEqual(fill(t, params, tree), plan) ? t : null;
}
