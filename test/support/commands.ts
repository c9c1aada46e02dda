// What a person sees, over the harness: /privacy answers (ephemerals), modals, the App
// Home tab, DMs; read as the texts of their blocks.
import { expect } from "vitest";
import { requestMessages } from "../../src/requests/messages.js";
import type { FakeEphemeral, FakeUser, StoredView } from "../../src/platform/slack/fake/index.js";
import type { Harness } from "./harness.js";
import { ORG } from "./org.js";

const P = ORG.people;

/** Japanese script (hiragana, katakana, kanji): English answers must have none. */
export const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Every string a person reads in a message or view: its text and the texts of its blocks, in order. */
export function textsOf(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (typeof o.text === "string") out.push(o.text);
    for (const [k, x] of Object.entries(o)) if (k !== "text" || typeof x !== "string") walk(x);
  };
  walk(value);
  return out;
}

/** What an ephemeral, message or view shows, as one string. */
export function shown(x: { text?: string; blocks?: unknown } | undefined): string {
  if (!x) return "";
  return [...(x.text ? [x.text] : []), ...textsOf(x.blocks ?? [])].join("\n");
}

/** Types `/privacy <text>` as `user` and returns the (first) ephemeral answer. */
export async function privacy(h: Harness, user: string, text: string): Promise<FakeEphemeral & { shown: string }> {
  const before = h.fake.ephemerals(user).length;
  const r = await h.slack.command(user, "/privacy", text);
  expect(r.status).toBe(200);
  const e = await h.fake.waitFor(() => h.fake.ephemerals(user)[before]);
  return { ...e, shown: shown(e) };
}

/** The Slack users the harness knows (its locales: en-US for Alex, ja-JP for everyone else), plus `extra`. */
export function fakeUsers(extra: FakeUser[] = []): FakeUser[] {
  return [...Object.values(P).map((id) => ({ id, locale: id === P.english ? "en-US" : "ja-JP" })), ...extra];
}

// ---- App Home ----------------------------------------------------------------------

export interface HomeSections {
  /** "waiting for my decision or measures" */
  waiting: string;
  /** "my requests" */
  mine: string;
  all: string;
}

/** Splits a Home view into its two lists (headers in either language). */
export function homeSections(view: StoredView | undefined): HomeSections | undefined {
  return view ? listSections(view.view.blocks) : undefined;
}

/** Splits the blocks of a Home view or a /privacy mine answer into its two lists. */
export function listSections(blocks: unknown[] | undefined): HomeSections {
  const heads = (["ja", "en"] as const).flatMap((l) => [
    [requestMessages(l).list.waiting, "waiting"],
    [requestMessages(l).list.title, "mine"],
  ]) as [string, "waiting" | "mine"][];
  const out: HomeSections = { waiting: "", mine: "", all: shown({ blocks }) };
  let current: "waiting" | "mine" | null = null;
  for (const b of (blocks ?? []) as { type: string }[]) {
    if (b.type === "divider") {
      current = null;
      continue;
    }
    const head = heads.find(([t]) => textsOf([b]).join("\n") === t);
    if (head) {
      current = head[1];
      continue;
    }
    if (current) out[current] += `${textsOf([b]).join("\n")}\n`;
  }
  return out;
}

/** Waits until `user`'s Home tab satisfies `ok`. */
export function homeShows(h: Harness, user: string, ok: (s: HomeSections) => boolean): Promise<HomeSections> {
  return h.fake.waitFor(() => {
    const s = homeSections(h.fake.homeView(user));
    return s && ok(s) ? s : undefined;
  });
}

/** The person opens the app's Home tab (Slack sends app_home_opened). */
export async function openHome(h: Harness, user: string): Promise<void> {
  const r = await h.slack.event("app_home_opened", user);
  expect(r.status).toBe(200);
}

/** The line of a list (Home, /privacy mine) that names `code`. */
export function lineOf(list: string, code: string): string | undefined {
  const lines = list.split("\n");
  const i = lines.findIndex((l) => l.includes(code));
  return i < 0 ? undefined : `${lines[i]}\n${lines[i + 1] ?? ""}`;
}

/** Today in the company's time zone, YYYY-MM-DD. */
export function todayInTokyo(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}
