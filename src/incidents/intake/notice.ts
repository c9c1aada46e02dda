// The draft of the notice to the people affected (本人への通知): the items 施行規則 第10条
// names (第8条1項 1号 概要, 2号 個人データの項目, 4号 原因, 5号 二次被害, 9号 その他), as
// Markdown, with its basis (APPI Art.26(2) where reportable, the company's policies for
// every leak) and the substitute measures where notice is difficult (Art.26(2) proviso).
// Pure: no clock, no database.
import type { Lang } from "../../platform/i18n.js";
import type { IncidentRecord } from "../report/regulator.js";
import { intakeMessages } from "./messages.js";

/** The items of the notice (施行規則 第10条), in the order of 第8条1項. */
export const NOTICE_ITEMS = ["summary", "dataItems", "cause", "secondaryHarm", "other"] as const;
export type NoticeItem = (typeof NOTICE_ITEMS)[number];

const blank = (s: string | null | undefined) => !s || s.trim() === "";

/** The items still missing before the notice can go out. */
export function missingNoticeItems(i: IncidentRecord): NoticeItem[] {
  return NOTICE_ITEMS.filter((k) => (k === "dataItems" ? i.dataItems.every((d) => d.trim() === "") : blank(i[k])));
}

export function peopleNoticeMarkdown(i: IncidentRecord, lang: Lang = "ja"): string {
  const m = intakeMessages(lang).notice;
  const out = [`# ${m.title}（${i.code}）`, "", `> ${m.basis}`, ""];
  NOTICE_ITEMS.forEach((k, n) => {
    out.push(`## ${n + 1}. ${m.item[k]}`, "");
    const missing = k === "dataItems" ? i.dataItems.every((d) => d.trim() === "") : blank(i[k]);
    if (missing) out.push(m.missing);
    else if (k === "dataItems") out.push(...i.dataItems.filter((d) => d.trim() !== "").map((d) => `- ${d.trim()}`));
    else out.push(i[k]!.trim());
    if (k === "summary" && i.facts?.occurredOn) out.push("", m.occurred(i.facts.occurredOn.replaceAll("-", "/")));
    out.push("");
  });
  out.push("---", "", m.difficult);
  return `${out.join("\n")}\n`;
}
