// The records feature's scheduled job: each business morning, the owner of each provision or
// receipt record past its retention (施行規則 第21条, 第25条) and not yet disposed of is told,
// weekly until its disposal is recorded — a provision record's owner is its request's
// requester (its disposal is recorded by the chief, who also hears of it from
// processors.reminders), a receipt record's owner who filed it. One DM per person per run;
// each record once a week per person (once-only notices).
import { langsOf } from "../directory/store.js";
import { dayIn, type Day } from "../platform/day.js";
import { DEFAULT_LANG } from "../platform/i18n.js";
import type { Job, JobContext } from "../platform/schedule/scheduler.js";
import { reminderCall } from "../platform/slack/calls.js";
import { showDay } from "./flows.js";
import { recordMessages } from "./messages.js";
import { disposalWeek } from "./rules.js";
import { provisionsPastRetention, untilDay } from "./store.js";

type Item = { key: string; text: (lang: "ja" | "en") => string };

export async function recordsRetention(ctx: JobContext): Promise<Record<string, unknown>> {
  const { calendar, services: s } = ctx;
  const at = ctx.slot;
  const today: Day = calendar.day(at);
  if (!calendar.isBusinessDay(today)) return { skipped: "not a business day" };
  const db = s.database.prisma;
  const [provisions, receipts] = await Promise.all([
    provisionsPastRetention(db, at),
    db.receiptRecord.findMany({ where: { disposedOn: null, retainUntil: { lte: at } }, orderBy: { retainUntil: "asc" } }),
  ]);
  const perPerson = new Map<string, Item[]>();
  const add = (person: string, item: Item) => {
    const l = perPerson.get(person);
    if (l) l.push(item);
    else perPerson.set(person, [item]);
  };
  for (const p of provisions) {
    const week = disposalWeek(dayIn(p.retainUntil, s.timeZone), today);
    if (week === null) continue;
    const until = untilDay(p.retainUntil, s.timeZone);
    add(p.requesterId, {
      key: `records.retention|provision:${p.id}|${week}|${p.requesterId}`,
      text: (l) => recordMessages(l).retentionProvision(p.code, p.recipient, showDay(until, l)),
    });
  }
  for (const r of receipts) {
    const week = disposalWeek(dayIn(r.retainUntil!, s.timeZone), today);
    if (week === null) continue;
    const until = untilDay(r.retainUntil!, s.timeZone);
    add(r.filedBy, {
      key: `records.retention|receipt:${r.id}|${week}|${r.filedBy}`,
      text: (l) => recordMessages(l).retentionReceipt(r.code, r.providerName, showDay(until, l)),
    });
  }
  const people = [...perPerson.keys()].sort();
  const langs = await langsOf(db, people);
  const notBefore = calendar.nextWorkingMoment(s.clock.now());
  let dms = 0;
  let items = 0;
  await db.$transaction(async (tx) => {
    const fresh = await ctx.notices(
      tx,
      [...perPerson.values()].flat().map((i) => i.key),
    );
    const calls = [];
    for (const person of people) {
      const send = perPerson.get(person)!.filter((i) => fresh.has(i.key));
      if (send.length === 0) continue;
      const lang = langs.get(person) ?? DEFAULT_LANG;
      const text = [recordMessages(lang).retentionIntro(send.length), ...send.map((i) => i.text(lang))].join("\n");
      calls.push(reminderCall(person, { text }, notBefore));
      dms++;
      items += send.length;
    }
    await s.outbox.enqueue(tx, calls);
  });
  s.outbox.kick();
  return { dms, items, provisions: provisions.length, receipts: receipts.length };
}

export const recordJobs: Job[] = [
  {
    name: "records.retention",
    schedule: "50 9 * * 1-5",
    description: {
      ja: "保存期間（施行規則第21条・第25条）が終わった提供記録・受領記録を、廃棄が記録されるまで毎週、記録の担当者にDMで通知",
      en: "weekly DMs to the owners of provision and receipt records past their retention (Enforcement Rules Art.21, 25) until their disposal is recorded",
    },
    run: recordsRetention,
  },
];
