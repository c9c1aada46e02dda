// The subject requests' scheduled job, each business morning: one DM per person with the
// open requests whose deadline is near or past —
//   · to the owner: the target `remindBefore` business days ahead (once), on the target day
//     (once), every business day once it has passed;
//   · to the chief or deputy who must approve a refusal: the same, while it waits for them
//     (to compliance when nobody but the proposer could approve it);
//   · at the company ceiling (a company setting, two weeks after arrival by default: when
//     APPI Art.39 lets the person sue; the last business day on or before it on days off): escalated to the chiefs and compliance, and
//     every business day while it stays open; each day's escalation is logged and said in
//     the case's thread (a case logged on or after that day is escalated by logRequest at
//     once, under the same once-only keys).
// Each message once (once-only notice keys written with the outbox rows), each reminded
// case logged (dsr.reminded) in the same transaction; what a run computes in quiet hours
// waits for the morning. The legal clock does not stop: no snooze.
import { appendAudit } from "../platform/audit/chain.js";
import { CHANNEL_LANG, DEFAULT_LANG, type Lang } from "../platform/i18n.js";
import type { OutgoingCall } from "../platform/outbox.js";
import { mention, mentions, reminderCall } from "../platform/slack/calls.js";
import { messageLink } from "../platform/services.js";
import type { Job, JobContext } from "../platform/schedule/scheduler.js";
import { langsOf } from "../directory/store.js";
import { dayText } from "./blocks.js";
import { dsrSubject } from "./flows.js";
import { dsrMessages } from "./messages.js";
import {
  dateDay,
  escalationNoticeKey,
  escalationPeople,
  refusalApprovers,
  reminderNoticeKey,
  reminderStage,
  type DsrKind,
  type DsrStatus,
  type ReminderStage,
} from "./rules.js";
import { officersOf } from "../directory/store.js";
import { openCases, type CaseRow } from "./store.js";

const TX = { maxWait: 10_000, timeout: 60_000 };
const STAGES: ReminderStage[] = ["ceiling", "overdue", "due", "soon"];
/** items listed at most in one DM */
const MAX_ITEMS = 40;

interface Item {
  c: CaseRow;
  stage: ReminderStage;
  key: string;
}

export async function dsrReminders(ctx: JobContext): Promise<Record<string, unknown>> {
  const { calendar, services: s, settings } = ctx;
  const today = calendar.day(ctx.slot);
  if (!calendar.isBusinessDay(today)) return { skipped: "not a business day" };
  const now = s.clock.now();
  const db = s.database.prisma;
  const remindBefore = settings.dsr?.remindBefore ?? 2;
  const [cases, team] = await Promise.all([openCases(db), officersOf(db, settings.governance.deputyChief)]);
  const escalateTo = escalationPeople(team);

  const perPerson = new Map<string, Item[]>();
  const escalated: CaseRow[] = [];
  const add = (people: string[], c: CaseRow, stage: ReminderStage) => {
    for (const p of new Set(people)) {
      const l = perPerson.get(p) ?? [];
      l.push({ c, stage, key: reminderNoticeKey(c.id, stage, p, today, dateDay(c.targetOn)) });
      perPerson.set(p, l);
    }
  };
  for (const c of cases) {
    const stage = reminderStage(
      calendar,
      today,
      { receivedOn: dateDay(c.receivedOn), targetOn: dateDay(c.targetOn), ceilingOn: dateDay(c.ceilingOn) },
      remindBefore,
    );
    if (!stage) continue;
    const people = [c.ownerId];
    if (c.status === "awaiting_approval") {
      // the chief or deputy it waits for; nobody may approve it (the proposer alone): compliance
      const approvers = refusalApprovers(c.proposedBy ?? "", team.chiefs, team.deputies);
      people.push(...(approvers.none ? team.compliance : approvers.people));
    }
    if (stage === "ceiling") {
      people.push(...escalateTo);
      escalated.push(c);
    }
    add(people, c, stage);
  }
  if (perPerson.size === 0) return { dms: 0, items: 0, escalated: 0 };

  // quiet hours: what is computed at night or on a day off waits for the morning
  const notBefore = calendar.nextWorkingMoment(now);
  const people = [...perPerson.keys()].sort();
  const langs = await langsOf(db, people);
  let dms = 0;
  let items = 0;
  let newlyEscalated = 0;
  await db.$transaction(async (tx) => {
    const escalationKeys = escalated.map((c) => escalationNoticeKey(c.id, today));
    const fresh = await ctx.notices(tx, [...[...perPerson.values()].flat().map((it) => it.key), ...escalationKeys]);
    const calls: OutgoingCall[] = [];
    for (const p of people) {
      const send = perPerson.get(p)!.filter((it) => fresh.has(it.key));
      if (send.length === 0) continue;
      calls.push(reminderCall(p, personDm(ctx, send, langs.get(p) ?? DEFAULT_LANG), notBefore));
      dms++;
      items += send.length;
    }
    const t = dsrMessages(CHANNEL_LANG);
    for (const c of escalated) {
      if (!fresh.has(escalationNoticeKey(c.id, today))) continue;
      newlyEscalated++;
      await appendAudit(tx, {
        at: now,
        actorId: "system",
        action: "dsr.escalated",
        subject: dsrSubject(c.code),
        data: { day: today, ceilingOn: dateDay(c.ceilingOn), to: escalateTo },
      });
      if (c.channelId && c.messageTs) {
        const text = `${t.reminder.escalationIntro(1)}\n${mentions(escalateTo)}`;
        calls.push({ orderKey: `dsr:${c.id}`, method: "chat.postMessage", payload: { channel: c.channelId, thread_ts: c.messageTs, text }, notBefore });
      }
    }
    // one dsr.reminded entry per case reminded in this run: its stage and who was told
    const told = new Map<string, { c: CaseRow; stage: ReminderStage; to: string[] }>();
    for (const p of people) {
      for (const it of perPerson.get(p)!) {
        if (!fresh.has(it.key)) continue;
        const e = told.get(it.c.id) ?? { c: it.c, stage: it.stage, to: [] };
        e.to.push(p);
        told.set(it.c.id, e);
      }
    }
    for (const { c, stage, to } of [...told.values()].sort((x, y) => x.c.code.localeCompare(y.c.code))) {
      await appendAudit(tx, {
        at: now,
        actorId: "system",
        action: "dsr.reminded",
        subject: dsrSubject(c.code),
        data: { day: today, stage, targetOn: dateDay(c.targetOn), ceilingOn: dateDay(c.ceilingOn), status: c.status, to },
      });
    }
    await s.outbox.enqueue(tx, calls);
  }, TX);
  return { dms, items, escalated: newlyEscalated, heldUntil: notBefore > now ? notBefore.toISOString() : undefined };
}

function personDm(ctx: JobContext, items: Item[], lang: Lang): { text: string; blocks: unknown[] } {
  const t = dsrMessages(lang);
  const escalation = items.some((i) => i.stage === "ceiling");
  const intro = escalation ? t.reminder.escalationIntro(items.length) : t.reminder.intro(items.length);
  const blocks: unknown[] = [{ type: "section", text: { type: "mrkdwn", text: `*${intro}*` } }];
  let shown = 0;
  for (const stage of STAGES) {
    const list = items.filter((i) => i.stage === stage).sort((a, b) => a.c.ceilingOn.getTime() - b.c.ceilingOn.getTime() || a.c.code.localeCompare(b.c.code));
    if (list.length === 0 || shown >= MAX_ITEMS) continue;
    const lines = list.slice(0, MAX_ITEMS - shown).map(({ c }) => {
      const code = c.channelId && c.messageTs ? `<${messageLink(ctx.services, c.channelId, c.messageTs)}|${c.code}>` : c.code;
      const text = t.reminder.item(
        code,
        t.kind[c.kind as DsrKind],
        t.status[c.status as DsrStatus],
        dayText(c.targetOn, lang),
        dayText(c.ceilingOn, lang),
        mention(c.ownerId),
      );
      return `• ${text}${c.status === "awaiting_approval" ? t.reminder.awaiting : ""}`;
    });
    shown += lines.length;
    blocks.push({ type: "divider" }, { type: "section", text: { type: "mrkdwn", text: `*${t.reminder.stage[stage]}*\n${lines.join("\n")}`.slice(0, 3000) } });
  }
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t.command.deadlineNote }] });
  return { text: intro.replace(/[*_~]/g, ""), blocks };
}

export const dsrJobs: Job[] = [
  {
    name: "dsr.reminders",
    schedule: "45 9 * * 1-5",
    description: {
      ja: "開示等の請求の回答目標（社内設定。目標の2営業日前・当日・超過後は毎日）を担当者に、社内上限（受付から2週間・社内設定）に達したら責任者とコンプライアンスに毎日、1人1通のDMで通知",
      en: "one DM per person: subject requests whose company target is in 2 business days, today or past (daily) to the owner; at the two-week company ceiling, daily to the chief and compliance",
    },
    run: (ctx) => dsrReminders(ctx),
  },
];
