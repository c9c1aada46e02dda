// Block Kit of the register of personal data: the list (search results), an entry with its
// history, the entry's form, the Home section's items, reminder items and the CSV rows.
// Pure functions of data and language.
import type { KnownBlock, View } from "@slack/types";
import { formatDateTime, type Lang } from "../platform/i18n.js";
import { clip, modalView, mrkdwn, option, plain } from "../platform/slack/text.js";
import { INPUT, RegisterActions, RegisterViews, type FormMeta } from "./ids.js";
import { registerMessages } from "./messages.js";
import {
  attentionOf,
  ENTRY_FIELDS,
  MAX_NAME,
  MAX_TEXT,
  PEOPLE_BANDS,
  RELATED_INFO_CONFIRMATION,
  toCsv,
  TRANSMISSION_NOTICE,
  type Day,
  type EntryField,
  type EntryFields,
} from "./rules.js";
import type { EntryListRow, EntryVersionRow, RegisterEntry } from "./store.js";
import { fieldsOf } from "./store.js";
import { dateDay } from "../platform/day.js";

const showDay = (d: Day, lang: Lang) => (lang === "ja" ? `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日` : d);
const who = (id: string) => (id === "system" ? "Mamori" : `<@${id}>`);

function button(text: string, actionId: string, value: string, style?: "primary"): Record<string, unknown> {
  return { type: "button", text: plain(text), action_id: actionId, value, ...(style ? { style } : {}) };
}

/** A field's value as a person reads it (mrkdwn), or "—". */
export function fieldText(f: EntryField, e: EntryFields, lang: Lang, departments: Map<string, string>): string {
  const m = registerMessages(lang);
  const none = m.none;
  switch (f) {
    case "departmentId":
      return departments.get(e.departmentId) ?? e.departmentId;
    case "ownerId":
      return who(e.ownerId);
    case "sensitive":
      return e.sensitive ? m.yes : m.no;
    case "peopleBand":
      return e.peopleBand ? m.bands[e.peopleBand] : none;
    case "retentionUntil":
      return e.retentionUntil ? showDay(e.retentionUntil, lang) : none;
    case "purposeRequests":
      return e.purposeRequests.length ? e.purposeRequests.join(", ") : none;
    case "processors":
    case "recipients": {
      const l = e[f];
      return l.length ? l.map((p) => `${p.name}（${m.kinds[p.kind]}・${p.code}）`).join("\n") : none;
    }
    case "countries":
      return e.countries.length ? e.countries.join(", ") : none;
    case "transmissionNotice":
      return e.transmissionNotice ? m.notice[e.transmissionNotice] : none;
    case "relatedInfoConfirmation":
      return e.relatedInfoConfirmation ? m.confirmation[e.relatedInfoConfirmation] : none;
    default:
      return (e[f] as string) || none;
  }
}

/** The fields a company's register shows: the telecom ones only for a carrier. */
export const shownFields = (telecomCarrier: boolean): EntryField[] =>
  ENTRY_FIELDS.filter((f) => telecomCarrier || (f !== "externalTransmissions" && f !== "transmissionNotice"));

// ---- the list -------------------------------------------------------------------------------

export function listBlocks(
  rows: EntryListRow[],
  total: number,
  words: string,
  lang: Lang,
  opts: { mayCreate: boolean; mayExport: boolean; header?: string },
): { text: string; blocks: KnownBlock[] } {
  const m = registerMessages(lang);
  const head = opts.header ?? (words ? m.searchHeader(words) : m.listHeader);
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(head, 150) },
    { type: "context", elements: [mrkdwn(`${m.listIntro}\n${m.count(rows.length, total)}`)] },
  ];
  if (rows.length === 0) blocks.push({ type: "section", text: mrkdwn(m.noEntries) });
  for (const r of rows)
    blocks.push({
      type: "section",
      block_id: `reg-${r.id}`,
      text: mrkdwn(m.entryLine(r.code, clip(r.name, 200), r.departmentName, who(r.ownerId))),
      accessory: button(m.open, RegisterActions.open, r.id) as never,
    });
  const actions: Record<string, unknown>[] = [];
  if (opts.mayCreate) actions.push(button(m.newEntry, RegisterActions.create, "new", "primary"));
  if (actions.length) blocks.push({ type: "actions", elements: actions as never });
  if (opts.mayExport) blocks.push({ type: "context", elements: [mrkdwn(m.usage[1]!)] });
  return { text: head, blocks };
}

// ---- an entry and its history ----------------------------------------------------------------

export function entryView(
  e: RegisterEntry,
  versions: EntryVersionRow[],
  lang: Lang,
  ctx: { departments: Map<string, string>; telecomCarrier: boolean; mayEdit: boolean; today: Day },
): View {
  const m = registerMessages(lang);
  const f = fieldsOf(e);
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(`*${e.code}*（v${e.version}）\n*${clip(e.name, 500)}*`) }];
  const attention = attentionOf(f, e.lastReviewedOn ? dateDay(e.lastReviewedOn) : null, ctx.today, ctx.telecomCarrier);
  const reviewed = e.lastReviewedOn ? m.lastReviewed(showDay(dateDay(e.lastReviewedOn), lang), who(e.lastReviewedBy ?? "")) : m.neverReviewed;
  blocks.push({ type: "context", elements: [mrkdwn([reviewed, ...attention.map((a) => `:warning: ${m.attention[a]}`)].join("\n"))] });
  if (ctx.mayEdit)
    blocks.push({
      type: "actions",
      elements: [button(m.edit, RegisterActions.edit, e.id, "primary"), button(m.reviewed, RegisterActions.reviewed, e.id)] as never,
    });
  blocks.push({ type: "divider" });
  for (const field of shownFields(ctx.telecomCarrier).filter((x) => x !== "name"))
    blocks.push({ type: "section", text: mrkdwn(clip(`*${m.fields[field]}*\n${fieldText(field, f, lang, ctx.departments)}`, 3000)) });
  if (ctx.telecomCarrier) blocks.push({ type: "context", elements: [mrkdwn(m.telecomNote)] });
  blocks.push({ type: "divider" });
  const lines = versions.map((v) =>
    m.historyLine(
      v.version,
      formatDateTime(v.createdAt, lang),
      who(v.actorId),
      `${m.sources[v.source] ?? v.source}${v.sourceRef ? ` ${v.sourceRef}` : ""}`,
      v.version === 1 && v.source !== "review"
        ? m.created
        : v.changed.map((c) => (m.fields as Record<string, string>)[c] ?? lastReviewedLabel(lang)).join(", "),
    ),
  );
  blocks.push({ type: "section", text: mrkdwn(clip(`*${m.history}*\n${lines.join("\n")}`, 3000)) });
  return modalView({ callbackId: RegisterViews.entry, meta: { id: e.id }, title: m.modalTitle, close: m.close, blocks });
}

const lastReviewedLabel = (lang: Lang) => (lang === "ja" ? "最終見直し日" : "last reviewed");

// ---- the form -------------------------------------------------------------------------------

const LONG: ReadonlySet<EntryField> = new Set([
  "purposes",
  "dataItems",
  "source",
  "securityMeasures",
  "externalTransmissions",
  "relatedInfoProvision",
  "access",
]);

function textInput(f: EntryField, label: string, value: string, optional: boolean, hint?: string): KnownBlock {
  return {
    type: "input",
    block_id: f,
    optional,
    label: plain(label, 2000),
    ...(hint ? { hint: plain(hint, 2000) } : {}),
    element: {
      type: "plain_text_input",
      action_id: INPUT,
      multiline: LONG.has(f),
      max_length: f === "name" ? MAX_NAME : MAX_TEXT,
      ...(value ? { initial_value: value } : {}),
    },
  } as KnownBlock;
}

function selectInput(f: EntryField, label: string, options: { text: string; value: string }[], initial: string | null, hint?: string): KnownBlock {
  const opts = options.map((o) => option(o.text, o.value));
  const init = opts.find((o) => o.value === initial);
  return {
    type: "input",
    block_id: f,
    optional: f !== "departmentId",
    label: plain(label, 2000),
    ...(hint ? { hint: plain(hint, 2000) } : {}),
    element: { type: "static_select", action_id: INPUT, options: opts, ...(init ? { initial_option: init } : {}) },
  } as KnownBlock;
}

/** The entry's form: a new entry (`e` null, owner and department prefilled) or an edit. */
export function formView(
  e: RegisterEntry | null,
  defaults: { departmentId: string; ownerId: string },
  lang: Lang,
  ctx: { departments: { id: string; name: string }[]; telecomCarrier: boolean },
): View {
  const m = registerMessages(lang);
  const f = e ? fieldsOf(e) : null;
  const v = (k: keyof EntryFields) => (f ? ((f[k] as string) ?? "") : "");
  const blocks: KnownBlock[] = [];
  if (e) blocks.push({ type: "context", elements: [mrkdwn(`*${e.code}*（v${e.version}）`)] });
  blocks.push(textInput("name", m.fields.name, v("name"), false));
  blocks.push(
    selectInput(
      "departmentId",
      m.fields.departmentId,
      ctx.departments.map((d) => ({ text: d.name, value: d.id })),
      f?.departmentId ?? defaults.departmentId,
    ),
  );
  blocks.push({
    type: "input",
    block_id: "ownerId",
    label: plain(m.fields.ownerId, 2000),
    element: { type: "users_select", action_id: INPUT, initial_user: f?.ownerId ?? defaults.ownerId },
  } as KnownBlock);
  blocks.push(textInput("purposes", m.fields.purposes, v("purposes"), true));
  blocks.push(textInput("dataItems", m.fields.dataItems, v("dataItems"), true, m.hints.dataItems));
  blocks.push({
    type: "input",
    block_id: "sensitive",
    label: plain(m.fields.sensitive, 2000),
    element: {
      type: "radio_buttons",
      action_id: INPUT,
      options: [option(m.no, "no"), option(m.yes, "yes")],
      initial_option: f?.sensitive ? option(m.yes, "yes") : option(m.no, "no"),
    },
  } as KnownBlock);
  blocks.push(
    selectInput(
      "peopleBand",
      m.fields.peopleBand,
      PEOPLE_BANDS.map((b) => ({ text: m.bands[b], value: b })),
      f?.peopleBand ?? null,
    ),
  );
  blocks.push(textInput("source", m.fields.source, v("source"), true));
  blocks.push(textInput("collectionMethod", m.fields.collectionMethod, v("collectionMethod"), true));
  blocks.push(textInput("storage", m.fields.storage, v("storage"), true));
  blocks.push(textInput("retention", m.fields.retention, v("retention"), true, m.hints.retention));
  blocks.push({
    type: "input",
    block_id: "retentionUntil",
    optional: true,
    label: plain(m.fields.retentionUntil, 2000),
    element: { type: "datepicker", action_id: INPUT, ...(f?.retentionUntil ? { initial_date: f.retentionUntil } : {}) },
  } as KnownBlock);
  blocks.push(textInput("disposalMethod", m.fields.disposalMethod, v("disposalMethod"), true));
  blocks.push(textInput("countries", m.fields.countries, f ? f.countries.join(", ") : "", true, m.hints.countries));
  blocks.push(textInput("access", m.fields.access, v("access"), true));
  blocks.push(textInput("securityMeasures", m.fields.securityMeasures, v("securityMeasures"), true));
  if (ctx.telecomCarrier) {
    blocks.push(textInput("externalTransmissions", m.fields.externalTransmissions, v("externalTransmissions"), true, m.hints.externalTransmissions));
    blocks.push(
      selectInput(
        "transmissionNotice",
        m.fields.transmissionNotice,
        TRANSMISSION_NOTICE.map((x) => ({ text: m.notice[x], value: x })),
        f?.transmissionNotice ?? null,
      ),
    );
  }
  blocks.push(textInput("relatedInfoProvision", m.fields.relatedInfoProvision, v("relatedInfoProvision"), true, m.hints.relatedInfoProvision));
  blocks.push(
    selectInput(
      "relatedInfoConfirmation",
      m.fields.relatedInfoConfirmation,
      RELATED_INFO_CONFIRMATION.map((x) => ({ text: m.confirmation[x], value: x })),
      f?.relatedInfoConfirmation ?? null,
      m.hints.relatedInfoConfirmation,
    ),
  );
  const meta: FormMeta = { id: e?.id ?? null, version: e?.version ?? 0 };
  return modalView({ callbackId: RegisterViews.form, meta, title: e ? m.editTitle : m.newTitle, submit: m.save, close: m.close, blocks });
}

/** A closing view after a change: the message and nothing to submit. */
export function doneView(text: string, lang: Lang): View {
  const m = registerMessages(lang);
  return modalView({ title: m.modalTitle, close: m.close, blocks: [{ type: "section", text: mrkdwn(text) }] });
}

// ---- Home, reminders ---------------------------------------------------------------------------

export function homeBlocks(rows: RegisterEntry[], total: number, lang: Lang, today: Day, telecomCarrier: boolean): KnownBlock[] {
  if (rows.length === 0) return [];
  const m = registerMessages(lang);
  const blocks: KnownBlock[] = [{ type: "header", text: plain(m.home.header, 150) }];
  for (const e of rows) {
    const why = attentionOf(fieldsOf(e), e.lastReviewedOn ? dateDay(e.lastReviewedOn) : null, today, telecomCarrier).map((a) => m.attention[a]);
    blocks.push({
      type: "section",
      block_id: `reg-home-${e.id}`,
      text: mrkdwn(clip(`*${e.code}* ${e.name}\n${why.join(" / ")}`, 3000)),
      accessory: button(m.open, RegisterActions.open, e.id) as never,
    });
  }
  if (total > rows.length) blocks.push({ type: "context", elements: [mrkdwn(m.home.more(total - rows.length))] });
  blocks.push({ type: "divider" });
  return blocks;
}

export function reminderItemText(e: RegisterEntry, lang: Lang): string {
  const m = registerMessages(lang).reminder;
  return m.item(e.code, clip(e.name, 200), e.lastReviewedOn ? m.last(showDay(dateDay(e.lastReviewedOn), lang)) : m.never);
}

// ---- CSV ---------------------------------------------------------------------------------------

/** The register as CSV: one row per entry, every field (the telecom ones for a carrier), in `lang`. */
export function registerCsv(
  entries: RegisterEntry[],
  lang: Lang,
  ctx: { departments: Map<string, string>; telecomCarrier: boolean; timeZone: string },
): string {
  const m = registerMessages(lang);
  const fields = shownFields(ctx.telecomCarrier);
  const header = [m.csvHeader.code, ...fields.map((f) => m.fields[f]), m.csvHeader.lastReviewedOn, m.csvHeader.version, m.csvHeader.updatedAt];
  const rows = entries.map((e) => {
    const f = fieldsOf(e);
    return [
      e.code,
      ...fields.map((x) =>
        x === "ownerId"
          ? e.ownerId
          : x === "retentionUntil"
            ? (f.retentionUntil ?? "")
            : x === "countries"
              ? f.countries.join("; ")
              : fieldText(x, f, lang, ctx.departments).replace(/^—$/, ""),
      ),
      e.lastReviewedOn ? dateDay(e.lastReviewedOn) : "",
      String(e.version),
      formatDateTime(e.updatedAt, lang, ctx.timeZone),
    ];
  });
  return toCsv(header, rows);
}
