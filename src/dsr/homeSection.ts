// The subject requests' sections of the App Home tab (src/home/sections.ts): the requests
// and complaints this person owns, each with its deadline (the answer target, a company
// setting; the law says 遅滞なく) and the button of its next step; for the chief and the
// deputy, the refusals waiting for their approval.
import type { KnownBlock } from "@slack/types";
import { isChiefOrDeputy } from "../directory/roles.js";
import { officersOf } from "../directory/store.js";
import { dateDay } from "../platform/day.js";
import { type HomeButton, type HomeItem, type HomeSection, homeListBlocks } from "../platform/home.js";
import { messageLink } from "../platform/services.js";
import { caseButtons, dayText } from "./blocks.js";
import { DsrActions } from "./ids.js";
import { dsrMessages } from "./messages.js";
import { type ComplaintKind, type DsrKind, type DsrStatus, type Outcome, refusalApprovers } from "./rules.js";

const SHOWN = 5;

export const dsrHomeSection: HomeSection = async ({ db, actor, services: s }) => {
  const t = dsrMessages(actor.lang);
  const h = t.home;
  const ctx = { lang: actor.lang, now: s.clock.now(), timeZone: s.timeZone };
  const link = (c: { channelId: string | null; messageTs: string | null }) => (c.channelId && c.messageTs ? messageLink(s, c.channelId, c.messageTs) : null);
  const blocks: KnownBlock[] = [];

  const cases = await db.subjectRequest.findMany({ where: { ownerId: actor.slackId, status: { in: ["open", "verified", "awaiting_approval", "decided"] } } });
  const caseItems = cases.map((c): HomeItem => {
    // the next step's button (本人確認を記録, 回答を記録, 本人への通知を記録); a refusal waiting for the chief: its post
    const next = c.status === "awaiting_approval" ? undefined : caseButtons(c, actor.lang)[0];
    const nextAction = next?.action_id;
    const url = link(c);
    const button: HomeButton | undefined =
      next && nextAction
        ? { text: next.text.text, actionId: nextAction, value: c.id, style: "primary" }
        : url
          ? { text: h.open, url, actionId: DsrActions.openLink }
          : undefined;
    const status = `${t.status[c.status as DsrStatus] ?? c.status} · ${h.ceiling(dayText(c.ceilingOn, actor.lang))}`;
    return { text: h.item(c.code, t.kind[c.kind as DsrKind] ?? c.kind, status), due: { day: dateDay(c.targetOn) }, ...(button ? { button } : {}) };
  });
  blocks.push(...homeListBlocks(ctx, { title: h.cases, note: h.note, items: caseItems, none: null, seeAll: h.seeCases }, SHOWN));

  if (isChiefOrDeputy(actor)) {
    const waiting = await db.subjectRequest.findMany({ where: { status: "awaiting_approval" } });
    const { chiefs, deputies } = await officersOf(db, s.settings?.governance.deputyChief);
    const mine = waiting.filter((c) => refusalApprovers(c.proposedBy ?? "", chiefs, deputies).people.includes(actor.slackId));
    const items = mine.map((c): HomeItem => {
      const url = link(c);
      return {
        text: h.approval(c.code, t.kind[c.kind as DsrKind] ?? c.kind, t.outcome[c.outcome as Outcome] ?? c.outcome ?? ""),
        due: { day: dateDay(c.targetOn) },
        ...(url ? { button: { text: h.open, url, actionId: DsrActions.openLink } } : {}),
      };
    });
    blocks.push(...homeListBlocks(ctx, { title: h.approvals, items, none: null, seeAll: h.seeCases }, SHOWN));
  }

  const complaints = await db.complaint.findMany({ where: { ownerId: actor.slackId, status: "open" }, orderBy: { receivedOn: "asc" } });
  const complaintItems = complaints.map(
    (c): HomeItem => ({
      text: h.complaintItem(c.code, t.complaintKind[c.kind as ComplaintKind] ?? c.kind, dayText(c.receivedOn, actor.lang)),
      // 規程 第22条 sets no deadline for a complaint: none is shown
      due: null,
      button: { text: t.complaint.closeButton, actionId: DsrActions.complaintClose, value: c.id },
    }),
  );
  blocks.push(...homeListBlocks(ctx, { title: h.complaints, items: complaintItems, none: null, seeAll: h.seeComplaints }, SHOWN));
  return blocks;
};
