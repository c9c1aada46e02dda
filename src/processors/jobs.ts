// The processors feature's scheduled job: each business morning, one DM per person with
// everything waiting for them —
//   · inspections (第15条6項) coming up: once 30 days and once 7 days before the due date,
//     to the processor's responsible manager and the chief; weekly once overdue;
//   · processor documents past their retention (第15条7項), not yet disposed of: to the
//     chief, weekly;
//   · provision records (APPI Art.29) past their retention, not yet disposed of: to the
//     chief, weekly, as one section with the count and the way to record the disposal.
// Each reminder of an item goes to each person once (a notice per item, due date, stage
// and person, written in the transaction that queues the DM); a snoozed item is left out
// and its notice not written, so it comes back at the first run after the snooze.
import { DEFAULT_LANG, type Lang } from "../platform/i18n.js";
import type { OutgoingCall } from "../platform/outbox.js";
import { mention, reminderCall } from "../platform/slack/calls.js";
import { messageLink } from "../platform/services.js";
import type { Job, JobContext } from "../platform/schedule/scheduler.js";
import { CHIEF_OR_DEPUTY, isChief, isDeputyChief } from "../directory/roles.js";
import { langsOf } from "../directory/store.js";
import { reminderDm, type ReminderSection } from "../reminders/blocks.js";
import { activeSnoozes } from "../reminders/snooze.js";
import { forgetOldReminders, TRACK_DAYS, trackReminder } from "../reminders/tracked.js";
import { whenText } from "./blocks.js";
import { processorMessages, showDay } from "./messages.js";
import {
  addDays,
  dateDay,
  dayDate,
  dayIn,
  daysBetween,
  disposableFrom,
  disposalNoticeKey,
  disposalWeek,
  inspectionNoticeKey,
  inspectionsRunning,
  inspectionStage,
  processorItem,
  provisionItem,
  type Day,
  type InspectionStage,
} from "./rules.js";
import { documentsDueWhere, provisionsDueWhere, requestLinks, type Processor, type RequestLink } from "./store.js";

/** The job's name, and the key prefix of its tracked reminders. */
const JOB_KEY = "processors.reminders";

const TX = { maxWait: 10_000, timeout: 60_000 };
/** people written per transaction (by default) */
const BATCH = 200;
/** provision records listed at most in one DM (the section's title has the count of all) */
export const PROVISIONS_SHOWN = 10;
/** the 30-day reminder may go out a few days early (the business day on or before): look this far ahead */
const LOOK_AHEAD_DAYS = 45;

type Item =
  | { kind: "inspection"; p: Processor; due: Day; stage: InspectionStage; item: string; key: string }
  | { kind: "documents"; p: Processor; until: Day; days: number; item: string; key: string }
  | { kind: "provision"; id: string; requestId: string; recipient: string; until: Day; days: number; item: string; key: string };

export async function processorsReminders(ctx: JobContext, batchSize = BATCH): Promise<Record<string, unknown>> {
  const { calendar, services: s } = ctx;
  const at = ctx.slot;
  const today = calendar.day(at);
  const now = s.clock.now();
  if (!calendar.isBusinessDay(today)) return { skipped: "not a business day" };
  const db = s.database.prisma;

  const [upcoming, documents, provisions, officers] = await Promise.all([
    db.processor.findMany({
      where: {
        disposedOn: null,
        nextInspectionDue: { lte: dayDate(addDays(today, LOOK_AHEAD_DAYS)) },
        OR: [{ contractEnd: null }, { contractEnd: { gte: dayDate(today) } }],
      },
      orderBy: [{ nextInspectionDue: "asc" }, { requestCode: "asc" }],
    }),
    db.processor.findMany({ where: documentsDueWhere(today), orderBy: [{ retainUntil: "asc" }, { requestCode: "asc" }] }),
    db.provisionRecord.findMany({
      where: provisionsDueWhere(at),
      orderBy: [{ retainUntil: "asc" }, { id: "asc" }],
      select: { id: true, requestId: true, recipient: true, retainUntil: true },
    }),
    db.person.findMany({ where: { roles: { hasSome: [...CHIEF_OR_DEPUTY] } }, select: { slackId: true, roles: true } }),
  ]);
  const chiefs = officers.filter(isChief).map((p) => p.slackId);
  // no chief in the directory: the deputy stands in
  const keepers = chiefs.length > 0 || !ctx.settings.governance.deputyChief ? chiefs : officers.filter(isDeputyChief).map((p) => p.slackId);

  const perPerson = new Map<string, Item[]>();
  const add = (people: string[], make: (person: string) => Item) => {
    for (const person of new Set(people)) {
      const l = perPerson.get(person) ?? [];
      l.push(make(person));
      perPerson.set(person, l);
    }
  };

  for (const p of upcoming) {
    const due = dateDay(p.nextInspectionDue);
    if (!inspectionsRunning({ contractEnd: p.contractEnd ? dateDay(p.contractEnd) : null, nextInspectionDue: due, disposed: false }, today)) continue;
    const stage = inspectionStage(calendar, due, today);
    if (!stage) continue;
    add([p.responsibleId, ...keepers], (person) => ({
      kind: "inspection",
      p,
      due,
      stage,
      item: processorItem(p.id),
      key: inspectionNoticeKey(p.id, due, stage, person),
    }));
  }
  for (const p of documents) {
    const until = dateDay(p.retainUntil!);
    const from = disposableFrom(until);
    const week = disposalWeek(from, today);
    if (!week) continue;
    add(keepers, (person) => ({
      kind: "documents",
      p,
      until,
      days: daysBetween(until, today),
      item: processorItem(p.id),
      key: disposalNoticeKey(processorItem(p.id), from, week, person),
    }));
  }
  for (const r of provisions) {
    const from = dayIn(r.retainUntil, s.timeZone);
    const until = dayIn(new Date(r.retainUntil.getTime() - 1), s.timeZone);
    const week = disposalWeek(from, today);
    if (!week) continue;
    const item = provisionItem(r.id);
    add(keepers, (person) => ({
      kind: "provision",
      id: r.id,
      requestId: r.requestId,
      recipient: r.recipient,
      until,
      days: daysBetween(until, today),
      item,
      key: disposalNoticeKey(item, from, week, person),
    }));
  }

  // quiet hours: what is computed at night or on a day off waits for the morning
  const notBefore = calendar.nextWorkingMoment(now);
  const snoozed = await activeSnoozes(db, now);
  const people = [...perPerson.keys()].sort();
  const langs = await langsOf(db, people);
  const links = await requestLinks(db, [...upcoming.map((p) => p.requestId), ...documents.map((p) => p.requestId), ...provisions.map((r) => r.requestId)]);

  let dms = 0;
  let items = 0;
  let snoozedItems = 0;
  for (let i = 0; i < people.length; i += batchSize) {
    const batch = people.slice(i, i + batchSize);
    const due = new Map<string, Item[]>();
    for (const p of batch) {
      const all = perPerson.get(p)!;
      // a snoozed item's notice is not written: it is reminded after the snooze
      const left = all.filter((it) => !snoozed.has(`${p}|${it.item}`));
      snoozedItems += all.length - left.length;
      if (left.length > 0) due.set(p, left);
    }
    if (due.size === 0) continue;
    await db.$transaction(async (tx) => {
      const fresh = await ctx.notices(
        tx,
        [...due.values()].flat().map((it) => it.key),
      );
      const calls: OutgoingCall[] = [];
      for (const [p, list] of due) {
        const send = list.filter((it) => fresh.has(it.key));
        if (send.length === 0) continue;
        // tracked: an inspection, contract end or disposal recorded takes its item's menu out of this DM (reminders/tracked.ts)
        const call = reminderCall(p, personDm(ctx, send, links, today, langs.get(p) ?? DEFAULT_LANG), notBefore);
        calls.push(await trackReminder(tx, now, `${JOB_KEY}:${ctx.slot.toISOString()}`, p, call));
        dms++;
        items += send.length;
      }
      await s.outbox.enqueue(tx, calls);
    }, TX);
  }
  // the tracking rows of the reminders past their cycle go (reminders/tracked.ts TRACK_DAYS)
  const untracked = await forgetOldReminders(db, JOB_KEY, ctx.slot, TRACK_DAYS.dueDates);
  return {
    dms,
    items,
    ...(untracked ? { untracked } : {}),
    inspections: upcoming.length,
    documents: documents.length,
    provisions: provisions.length,
    snoozedItems,
    heldUntil: notBefore > now ? notBefore.toISOString() : undefined,
  };
}

function personDm(ctx: JobContext, items: Item[], links: Map<string, RequestLink>, today: Day, lang: Lang) {
  const m = processorMessages(lang);
  const link = (requestId: string, code: string) => {
    const l = links.get(requestId);
    const shown = l?.code ?? code;
    return l?.channelId && l.messageTs ? `<${messageLink(ctx.services, l.channelId, l.messageTs)}|${shown}>` : shown;
  };
  const inspections = items.filter((i): i is Extract<Item, { kind: "inspection" }> => i.kind === "inspection");
  const overdue = inspections.filter((i) => i.stage.stage === "overdue").sort((a, b) => b.stage.days - a.stage.days);
  const soon = inspections.filter((i) => i.stage.stage !== "overdue").sort((a, b) => a.stage.days - b.stage.days);
  const documents = items.filter((i): i is Extract<Item, { kind: "documents" }> => i.kind === "documents");
  const provisions = items.filter((i): i is Extract<Item, { kind: "provision" }> => i.kind === "provision");
  const inspectionText = (i: (typeof inspections)[number]) =>
    m.inspectionItem(
      link(i.p.requestId, i.p.requestCode),
      i.p.name,
      showDay(i.due, lang),
      whenText(i.due, today, lang),
      mention(i.p.responsibleId),
      i.p.requestCode,
    );
  const sections: ReminderSection[] = [
    { title: m.overdueTitle(overdue.length), items: overdue.map((i) => ({ item: i.item, text: inspectionText(i) })) },
    { title: m.soonTitle(soon.length), items: soon.map((i) => ({ item: i.item, text: inspectionText(i) })) },
    {
      title: m.documentsTitle(documents.length),
      items: documents.map((i) => ({ item: i.item, text: m.documentsItem(link(i.p.requestId, i.p.requestCode), i.p.name, showDay(i.until, lang), i.days) })),
    },
    {
      title: m.provisionsTitle(provisions.length),
      items: provisions
        .slice(0, PROVISIONS_SHOWN)
        .map((i) => ({ item: i.item, text: m.provisionsItem(link(i.requestId, i.requestId), i.recipient, showDay(i.until, lang), i.days) })),
    },
  ];
  return reminderDm(m.reminderIntro(items.length), sections, lang);
}

export function createProcessorJobs(o: { batchSize?: number } = {}): Job[] {
  return [
    {
      name: JOB_KEY,
      schedule: "30 9 * * 1-5",
      description: {
        ja: "預託先の定期調査（期限30日前・7日前、超過後は毎週）と、保存期間が終わった預託先書類・提供記録の廃棄（毎週）を、担当者ごとに1通のDMで通知",
        en: "one DM per person with processor inspections due in 30 or 7 days (weekly once overdue) and records past their retention awaiting disposal (weekly)",
      },
      run: (ctx) => processorsReminders(ctx, o.batchSize),
    },
  ];
}

export const processorJobs: Job[] = createProcessorJobs();
