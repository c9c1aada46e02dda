// How the person learns the purpose, by how the data is collected (APPI Art.21; 規程 第6-8条):
// the measures the purpose and method kinds share, instead of one generic "publish or notify".
import { kindMessages } from "./messages.js";
import type { MeasureDef } from "./types.js";

/** The ways of collecting the two kinds ask about (purpose: `collection`; method: `medium` or indirect). */
export type CollectionWay = "direct_writing" | "web_form" | "face_to_face" | "third_party" | "other" | string;

const measure = (key: "purpose_stated" | "face_to_face_notice" | "website_rule_notice" | "purpose_notified_after" | "purpose_published"): MeasureDef => ({
  key,
  label: (lang) => kindMessages(lang).measures[key],
});

/**
 * - in writing or by a web form, directly from the person: the purpose stated beforehand (Art.21(2));
 * - face to face: the company's stricter rule, the written notice of 第6条 and consent, and the
 *   website posting of 第7条 for when that consent cannot be had;
 * - from a third party: notified or published promptly after (Art.21(1)), unless published before;
 * - anything else (or an older request): the generic "publish or notify" (Art.21).
 */
export function collectionNotices(way: CollectionWay): MeasureDef[] {
  switch (way) {
    case "direct_writing":
    case "web_form":
      return [measure("purpose_stated")];
    case "face_to_face":
      return [measure("face_to_face_notice"), measure("website_rule_notice")];
    case "third_party":
      return [measure("purpose_notified_after")];
    default:
      return [measure("purpose_published")];
  }
}
