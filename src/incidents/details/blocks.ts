// Block Kit of the report-items modal (items 5-9 of the regulator report) and its button
// on the incident's post. Pure.
import type { Button, KnownBlock, View } from "@slack/types";
import type { Lang } from "../../platform/i18n.js";
import { DETAIL_FIELDS, DETAIL_MAX, detailsDigest, type DetailsMeta, type IncidentDetails } from "./fields.js";
import { incidentDetailsMessages } from "./messages.js";
import { DetailsBlocks, IncidentActions, IncidentViews, INPUT } from "../ids.js";
import { plain, modalView } from "../../platform/slack/text.js";
import { intakeInputs } from "../intake/blocks.js";
import type { IncidentFacts } from "../intake/facts.js";

/** 「報告書の項目を記入」 (the incident id is its value). */
export function detailsButton(i: { id: string }, lang: Lang): Button {
  return { type: "button", text: plain(incidentDetailsMessages(lang).button), action_id: IncidentActions.details, value: i.id };
}

/** The five items, each optional, pre-filled with what the incident holds (its revision and items' digest in the metadata). */
export function detailsModal(i: { id: string; code: string; rev: number } & IncidentDetails, lang: Lang, facts?: IncidentFacts): View {
  const meta: DetailsMeta = { id: i.id, rev: i.rev, items: detailsDigest(i) };
  const m = incidentDetailsMessages(lang).modal;
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: m.intro(i.code) } },
    ...DETAIL_FIELDS.map(
      (f): KnownBlock => ({
        type: "input",
        block_id: DetailsBlocks[f],
        optional: true,
        label: plain(m.label[f], 2000),
        hint: plain(m.hint[f], 2000),
        element: { type: "plain_text_input", action_id: INPUT, multiline: true, max_length: DETAIL_MAX, ...(i[f] ? { initial_value: i[f]! } : {}) },
      }),
    ),
    // the regulator form's facts the reporter may not have known (intake/facts.ts)
    ...(facts ? intakeInputs(lang, { initial: facts, later: true }) : []),
  ];
  return modalView({
    callbackId: IncidentViews.details,
    meta,
    title: m.title,
    submit: m.submit,
    close: m.close,
    blocks,
  });
}
