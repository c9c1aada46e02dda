// What the personal-data fault tests type and where they look for it afterwards: the
// hash chain (the audit table, read whole), its CSV export and the compliance digest in
// both languages. The values are a customer's (not in the directory), spelled the ways
// people slip them past filters.
import { expect } from "vitest";
import { exportCsv, verifyChain } from "../../src/platform/audit/chain.js";
import { buildDigest } from "../../src/digest/build.js";
import { BusinessCalendar } from "../../src/platform/schedule/calendar.js";
import { defaultSettings } from "../../src/settings.js";
import type { Harness } from "../support/harness.js";

/** One customer's details, each in several spellings. */
export const CUSTOMER = {
  name: ["松本花子様", "松本 花子 さん", "マツモト ハナコ様"],
  phone: ["090-8765-4321", "〇九〇 八七六五 四三二一", "０９０．８７６５．４３２１", "+81 90 8765 4321"],
  email: ["hanako.m at example dot jp", "hanako.m(at)example(dot)jp", "hanako.m＠example．jp"],
  card: ["4111 1111 1111 1111", "4111.1111.1111.1111", "四一一一 一一一一 一一一一 一一一一"],
  myNumber: ["9876 5432 1093", "九八七六 五四三二 一〇九三", "９８７６５４３２１０９３"],
  address: ["東京都港区芝公園四丁目2番8号", "港区芝公園4丁目2番8号"],
};

/**
 * Free text holding all six kinds, the n-th spelling of each (so every field gets a
 * different evasion), after a label naming the field.
 */
export function personal(label: string, n = 0): string {
  const pick = (xs: string[]) => xs[n % xs.length]!;
  return `${label}：${pick(CUSTOMER.name)} ${pick(CUSTOMER.phone)} ${pick(CUSTOMER.email)} ${pick(CUSTOMER.address)} カード ${pick(CUSTOMER.card)} 番号 ${pick(CUSTOMER.myNumber)}`;
}

/**
 * Fragments of those details that must appear nowhere: long enough (8+ digits) not to
 * turn up by chance inside a hex hash, and each spelling's own fragment.
 */
export const FORBIDDEN = [
  "松本",
  "マツモト",
  "ハナコ",
  "hanako",
  "87654321",
  "8765-4321",
  "八七六五",
  "８７６５",
  "8765 4321",
  "4111111111111111",
  "4111 1111",
  "4111.1111",
  "四一一一",
  "987654321093",
  "9876 5432",
  "九八七六",
  "９８７６",
  "芝公園",
];

/** Fails naming the first forbidden fragment found in `where`, and the text around it. */
export function expectNone(where: string, text: string, typed: readonly string[] = []): void {
  for (const f of [...FORBIDDEN, ...typed]) {
    const i = text.indexOf(f);
    expect(i, `${where} holds ${JSON.stringify(f)}: …${text.slice(Math.max(0, i - 80), i + 80)}…`).toBe(-1);
  }
}

/** The chain, its export and the digest (both languages, the last 30 days) hold none of it; the chain still verifies. */
export async function expectNothingKept(h: Harness, typed: readonly string[] = []): Promise<{ entries: number }> {
  const db = h.bot.services.database.prisma;
  const rows = await db.auditEntry.findMany({ orderBy: { seq: "asc" } });
  expect(rows.length).toBeGreaterThan(0);
  expectNone("the audit chain", JSON.stringify(rows), typed);
  const v = await verifyChain(db);
  expect(v.ok).toBe(true);
  const csv = await exportCsv(db, new Date(0), new Date("9999-12-31T00:00:00Z"));
  expect(csv.trimEnd().split("\n").length - 1).toBe(rows.length);
  expectNone("the CSV export", csv, typed);
  const s = h.bot.services;
  const now = s.clock.now();
  for (const lang of ["ja", "en"] as const) {
    const d = await buildDigest({
      services: s,
      calendar: s.calendar ?? new BusinessCalendar({ timeZone: s.timeZone }),
      settings: s.settings ?? defaultSettings(),
      from: new Date(now.getTime() - 30 * 86_400_000),
      to: new Date(now.getTime() + 86_400_000),
      now,
      lang,
    });
    expect(d.sections.length).toBeGreaterThan(0);
    expectNone(`the digest (${lang})`, JSON.stringify(d), typed);
  }
  return { entries: rows.length };
}
