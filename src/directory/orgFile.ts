// The org file (ORG_FILE): departments, people, roles and channels, in YAML.
//
//   channels:                       # optional; each of the three is optional
//     approvals: C0123ABCD          # default channel for request threads
//     incidents: C0123ABCE
//     compliance: C0123ABCF
//   departments:
//     - { id: sales, name: 営業部, approvalsChannel: C0456ABCD }   # approvalsChannel optional
//     - { id: legal, name: 法務部 }
//   people:
//     - { slackId: U0123ABCD, name: 山田 太郎, department: sales, roles: [manager] }
//     - { slackId: U0456ABCD, name: 佐藤 花子, department: legal, roles: [chief, admin], manages: [sales] }
//
// - channel ids: ^[CG][A-Z0-9]{2,}$; Slack user ids: ^[UW][A-Z0-9]{2,}$;
//   department ids: ^[a-z0-9][a-z0-9_-]*$.
// - roles (optional, default []): manager (個人情報管理者 of their own department), chief
//   (個人情報管理責任者), deputyChief (its deputy), auditor (個人情報保護監査責任者; must
//   not also be chief or deputyChief), compliance, handler (個人情報取扱担当者), admin.
//   Everyone listed is an employee.
// - manages (optional): other departments this person is 個人情報管理者 of; stored as
//   "manager:<deptId>" roles (plain "manager" means their own department).
// - department is optional for a person, but a plain manager needs one.
// - there must be at least one chief; ids must be unique; unknown keys are refused.
//
// parseOrgFile reports every problem with the 1-based line of the offending node.
import crypto from "node:crypto";
import fs from "node:fs";
import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, YAMLMap, YAMLSeq, type Node as YamlNode, type Pair } from "yaml";
import { z } from "zod";
import type { Lang } from "../platform/i18n.js";
import { CHANNEL_KINDS, type ChannelKind } from "./channels.js";
import { directoryMessages, type DirectoryMessages } from "./messages.js";
import { ROLES, type RoleName } from "./roles.js";

export { CHANNEL_KINDS, type ChannelKind };

export const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
export const USER_ID = /^[UW][A-Z0-9]{2,}$/;
export const DEPT_ID = /^[a-z0-9][a-z0-9_-]*$/;

export interface OrgDepartment {
  id: string;
  name: string;
  approvalsChannel?: string;
}

export interface OrgPerson {
  slackId: string;
  name: string;
  department?: string;
  roles: RoleName[];
  /** departments (other than their own) this person is 個人情報管理者 of */
  manages?: string[];
}

export interface Org {
  channels: Partial<Record<ChannelKind, string>>;
  departments: OrgDepartment[];
  people: OrgPerson[];
}

export interface OrgProblem {
  line: number;
  message: string;
}

export type ParseResult = { ok: true; org: Org } | { ok: false; problems: OrgProblem[] };

const DEPT_KEYS = ["id", "name", "approvalsChannel"];
const PERSON_KEYS = ["slackId", "name", "department", "roles", "manages"];
const TOP_KEYS = ["channels", "departments", "people"];

function orgSchema(m: DirectoryMessages["orgFile"]) {
  const text = (key: string) =>
    z
      .string({ error: (iss) => (iss.input === undefined ? m.required(key) : m.notText) })
      .trim()
      .min(1, { error: m.emptyText });
  const matching = (key: string, re: RegExp, bad: (v: string) => string) =>
    z.string({ error: (iss) => (iss.input === undefined ? m.required(key) : m.notText) }).regex(re, { error: (iss) => bad(String(iss.input)) });
  const list = <T extends z.ZodType>(item: T) => z.array(item, { error: m.notList });
  const object = <S extends z.ZodRawShape>(shape: S, allowed: string[]) =>
    z.strictObject(shape, {
      error: (iss) => (iss.code === "unrecognized_keys" ? m.unknownKey(iss.keys[0] ?? "", allowed) : m.notMap),
    });
  const channel = (key: string) => matching(key, CHANNEL_ID, m.badChannelId);
  const deptId = (key: string) => matching(key, DEPT_ID, m.badDeptId);

  return object(
    {
      channels: object(
        { approvals: channel("approvals").optional(), incidents: channel("incidents").optional(), compliance: channel("compliance").optional() },
        [...CHANNEL_KINDS],
      ).default({}),
      departments: list(object({ id: deptId("id"), name: text("name"), approvalsChannel: channel("approvalsChannel").optional() }, DEPT_KEYS)).default([]),
      people: list(
        object(
          {
            slackId: matching("slackId", USER_ID, m.badUserId),
            name: text("name"),
            department: deptId("department").optional(),
            roles: list(z.enum(ROLES, { error: (iss) => m.badRole(String(iss.input), [...ROLES]) })).default([]),
            manages: list(deptId("manages")).optional(),
          },
          PERSON_KEYS,
        ),
      ).default([]),
    },
    TOP_KEYS,
  );
}

/** Finds the YAML node at a path; for a path ending at a map key, the key itself (where the line reads best). */
function lineAt(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let line = node && (node as YamlNode).range ? lc.linePos((node as YamlNode).range![0]).line : 1;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p: Pair) => (isScalar(p.key) ? p.key.value : p.key) === seg);
      if (!pair) break;
      const key = pair.key as YamlNode | null;
      if (key && isScalar(key) && key.range) line = lc.linePos(key.range[0]).line;
      node = pair.value;
      // the key's line is the best place for this segment; deeper segments refine it
      continue;
    }
    if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg];
      if (!item) break;
      node = item;
      const range = isPair(item) ? (item.key as YamlNode | null)?.range : (item as YamlNode).range;
      if (range) line = lc.linePos(range[0]).line;
      continue;
    }
    break;
  }
  return line;
}

function syntaxDetail(message: string): string {
  const first = message.split("\n")[0] ?? message;
  return first.replace(/ at line \d+, column \d+:?$/, "").trim();
}

/** Parses and checks an org file. Problems carry the 1-based line of the offending node. */
export function parseOrgFile(text: string, lang: Lang = "en", o: { deputyChief?: boolean } = {}): ParseResult {
  const m = directoryMessages(lang).orgFile;
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({ line: lc.linePos(e.pos[0]).line, message: m.syntax(syntaxDetail(e.message)) })),
    };
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 1000 }) ?? {};
  const at = (path: readonly PropertyKey[]) => lineAt(doc, lc, path);
  const parsed = orgSchema(m).safeParse(raw);
  const problems: OrgProblem[] = parsed.success
    ? []
    : parsed.error.issues.map((iss) => ({
        line: at(iss.code === "unrecognized_keys" ? [...iss.path, iss.keys[0] ?? ""] : iss.path),
        message: iss.message,
      }));
  // The cross checks also run on a file with shape problems (on what can be read), so one run reports everything.
  const peopleShapeOk = parsed.success || !parsed.error.issues.some((i) => i.path[0] === "people" || i.path.length === 0);
  problems.push(...crossCheck(lenient(raw), at, m, peopleShapeOk, o.deputyChief ?? true));
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, org: parsed.data as Org };
}

/** What the cross checks need, read leniently from a file that may not match the schema. */
function lenient(raw: unknown): {
  departments: ({ id?: string } | null)[];
  people: ({ slackId?: string; department?: string; roles: string[]; manages: unknown[] } | null)[];
} {
  const obj = (v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const arr = (v: unknown) => (Array.isArray(v) ? (v as unknown[]) : []);
  const top = obj(raw);
  return {
    departments: arr(top?.departments).map((d) => (obj(d) ? { id: str(obj(d)!.id) } : null)),
    people: arr(top?.people).map((p) => {
      const o = obj(p);
      if (!o) return null;
      return {
        slackId: str(o.slackId),
        department: str(o.department),
        roles: arr(o.roles).filter((r): r is string => typeof r === "string"),
        manages: arr(o.manages),
      };
    }),
  };
}

function crossCheck(
  org: ReturnType<typeof lenient>,
  at: (path: readonly PropertyKey[]) => number,
  m: DirectoryMessages["orgFile"],
  checkChief: boolean,
  deputyChief: boolean,
): OrgProblem[] {
  const problems: OrgProblem[] = [];
  const deptLine = new Map<string, number>();
  org.departments.forEach((d, i) => {
    if (d?.id === undefined) return;
    const first = deptLine.get(d.id);
    if (first !== undefined) problems.push({ line: at(["departments", i, "id"]), message: m.duplicateDept(d.id, first) });
    else deptLine.set(d.id, at(["departments", i, "id"]));
  });
  const personLine = new Map<string, number>();
  let chiefs = 0;
  org.people.forEach((p, i) => {
    if (!p) return;
    if (p.slackId !== undefined) {
      const first = personLine.get(p.slackId);
      if (first !== undefined) problems.push({ line: at(["people", i, "slackId"]), message: m.duplicatePerson(p.slackId, first) });
      else personLine.set(p.slackId, at(["people", i, "slackId"]));
    }
    if (p.department !== undefined && DEPT_ID.test(p.department) && !deptLine.has(p.department))
      problems.push({ line: at(["people", i, "department"]), message: m.unknownDept(p.department) });
    p.manages.forEach((d, j) => {
      if (typeof d === "string" && DEPT_ID.test(d) && !deptLine.has(d)) problems.push({ line: at(["people", i, "manages", j]), message: m.unknownDept(d) });
    });
    if (p.roles.includes("manager") && p.department === undefined) problems.push({ line: at(["people", i, "roles"]), message: m.managerWithoutDept });
    if (p.roles.includes("auditor")) {
      const other = p.roles.filter((r) => r === "chief" || r === "deputyChief");
      if (other.length > 0) problems.push({ line: at(["people", i, "roles"]), message: m.auditorConflict(other.join(", ")) });
    }
    if (!deputyChief && p.roles.includes("deputyChief")) problems.push({ line: at(["people", i, "roles"]), message: m.deputyOff });
    if (p.roles.includes("chief")) chiefs++;
  });
  if (checkChief && chiefs === 0) problems.push({ line: at(["people"]), message: m.noChief });
  return problems;
}

function sortProblems(problems: OrgProblem[]): OrgProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.line - b.p.line || a.i - b.i)
    .map(({ p }) => p);
}

export class OrgFileError extends Error {
  constructor(
    public readonly file: string,
    public readonly problems: OrgProblem[],
    message: string,
  ) {
    super(message);
    this.name = "OrgFileError";
  }
}

export function fileHash(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}

/** Reads and checks the org file; throws an OrgFileError listing `file:line: reason` for every problem. */
export function loadOrgFile(path: string, lang: Lang = "en", o: { deputyChief?: boolean } = {}): { org: Org; hash: string } {
  const m = directoryMessages(lang).orgFile;
  let text: string;
  try {
    text = fs.readFileSync(path, "utf8");
  } catch (e) {
    throw new OrgFileError(path, [], m.unreadable(path, (e as Error).message));
  }
  const r = parseOrgFile(text, lang, o);
  if (!r.ok) throw new OrgFileError(path, r.problems, [m.invalid(path), ...r.problems.map((p) => `  ${path}:${p.line}: ${p.message}`)].join("\n"));
  return { org: r.org, hash: fileHash(text) };
}

/** The org as YAML, keys in a fixed order, lists in the org's order; parseOrgFile(orgToYaml(x)) gives x back. */
export function orgToYaml(org: Org): string {
  const flowMap = (entries: [string, unknown][]) => {
    const map = new YAMLMap();
    map.flow = true;
    for (const [k, v] of entries) if (v !== undefined) map.set(k, v);
    return map;
  };
  const flowSeq = (items: string[]) => {
    const seq = new YAMLSeq();
    seq.flow = true;
    for (const i of items) seq.add(i);
    return seq;
  };
  const departments = new YAMLSeq();
  for (const d of org.departments)
    departments.add(
      flowMap([
        ["id", d.id],
        ["name", d.name],
        ["approvalsChannel", d.approvalsChannel],
      ]),
    );
  const people = new YAMLSeq();
  for (const p of org.people)
    people.add(
      flowMap([
        ["slackId", p.slackId],
        ["name", p.name],
        ["department", p.department],
        ["roles", flowSeq(p.roles)],
        ["manages", p.manages ? flowSeq(p.manages) : undefined],
      ]),
    );
  const root = new YAMLMap();
  root.set("channels", flowMap(CHANNEL_KINDS.map((k) => [k, org.channels[k]])));
  root.set("departments", departments);
  root.set("people", people);
  const doc = new Document();
  doc.contents = root;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
