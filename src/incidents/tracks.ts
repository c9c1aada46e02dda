// The report tracks of an incident (issue 13): one event can need several reports, each
// with its own legal basis, recipient, tasks and deadlines. Pure: no database, no Slack,
// no clock; the words are in trackMessages.ts.
//
// - personal-data: APPI Art.26(1), 施行規則 第7-8条 (速報, 確報). A telecom carrier's go to
//   the 総合通信局等 of its head office's region, because the PPC's power over 漏えい等報告 is
//   delegated to the Minister of Internal Affairs and Communications (APPI Art.150);
//   anyone else's to the PPC. A 認定個人情報保護団体 never replaces that recipient.
// - company-ministry: the company's own promise to report every leak to the ministry at
//   once (seed 004 §11(1)[3]); a company rule, not the law's.
// - secrecy: a leak of 通信の秘密 (電気通信事業法 第4条) is reported to the Minister under
//   同法 第28条 and 同法施行規則 第57条, whatever 施行規則 第7条 says: 第一報 速やかに, 詳報 within
//   30 days of learning of it. Unknown counts as involved until a reassessment says no.
// - my-number: 特定個人情報 (番号利用法 第29条の4): its own report; the recipient and the
//   period are to be checked (要確認): the bot states neither.
// - specified-user-info: a designated carrier's 特定利用者情報: likewise 要確認.
// - accredited-body: the 認定個人情報保護団体 the company belongs to, as an extra recipient
//   where its own rules ask; only where the company itself reports.
import type { BureauId } from "./bureaus.js";
import { checklistFor, reportability, type Assessment, type IncidentDeadlines, type TaskKey } from "./rules.js";

/** What the tracks need of the company profile (settings `company:`). */
export interface TrackProfile {
  telecomCarrier: boolean;
  bureau: BureauId | null;
  accreditedBody: string | null;
}

export const TRACK_IDS = ["personal-data", "company-ministry", "secrecy", "my-number", "specified-user-info", "accredited-body"] as const;
export type TrackId = (typeof TRACK_IDS)[number];

/** Who receives a report. */
export type Recipient =
  | { kind: "ppc" } // 個人情報保護委員会
  | { kind: "bureau"; bureau: BureauId | null } // 総合通信局等 (null: not set in the profile yet)
  | { kind: "client" } // the entrusting client (APPI Art.26(1) proviso)
  | { kind: "ministry" } // 総務省 (the company's own promise)
  | { kind: "minister"; bureau: BureauId | null } // 総務大臣 (電気通信事業法 第28条)
  | { kind: "accredited-body"; name: string }
  | { kind: "to-check" }; // 要確認: not stated by the bot

export interface ReportTrack {
  id: TrackId;
  recipient: Recipient;
  /** the track's tasks, in the checklist's order */
  tasks: TaskKey[];
  /** a rule of the company's own (its policy), not the law's */
  companyRule: boolean;
  /** the recipient and the deadlines must be checked by a person (the bot states neither) */
  toCheck: boolean;
}

const TRACK_TASKS: Record<TrackId, readonly TaskKey[]> = {
  "personal-data": ["preliminary-report", "final-report"],
  "company-ministry": ["ministry-report"],
  secrecy: ["secrecy-first-report", "secrecy-detailed-report"],
  "my-number": ["my-number-report"],
  "specified-user-info": ["specified-user-info-report"],
  "accredited-body": ["accredited-body-report"],
};

/** Who receives the personal-data 速報 and 確報 (APPI Art.26(1), Art.150): the bureau for a carrier, else the PPC. */
export function personalDataRecipient(profile: TrackProfile): Recipient {
  return profile.telecomCarrier ? { kind: "bureau", bureau: profile.bureau } : { kind: "ppc" };
}

/** The recipient of each track for this company. */
export function trackRecipient(id: TrackId, profile: TrackProfile, a?: Assessment): Recipient {
  switch (id) {
    case "personal-data":
      return a?.asProcessor ? { kind: "client" } : personalDataRecipient(profile);
    case "company-ministry":
      return { kind: "ministry" };
    case "secrecy":
      return { kind: "minister", bureau: profile.bureau };
    case "accredited-body":
      return { kind: "accredited-body", name: profile.accreditedBody ?? "" };
    default:
      return { kind: "to-check" };
  }
}

/**
 * The tracks that apply to an assessment: those with at least one task that applies
 * (checklistFor). The personal-data track of a processor is its report to the client,
 * which is the client-told task; it is listed as such.
 */
export function reportTracks(a: Assessment, profile: TrackProfile): ReportTrack[] {
  const applying = new Set(
    checklistFor(a)
      .filter((d) => d.applies)
      .map((d) => d.key),
  );
  const out: ReportTrack[] = [];
  for (const id of TRACK_IDS) {
    let tasks = TRACK_TASKS[id].filter((k) => applying.has(k));
    if (id === "personal-data" && reportability(a).reportedBy === "client" && applying.has("client-told")) tasks = ["client-told"];
    if (tasks.length === 0) continue;
    out.push({
      id,
      recipient: trackRecipient(id, profile, a),
      tasks,
      companyRule: id === "company-ministry",
      toCheck: id === "my-number" || id === "specified-user-info",
    });
  }
  return out;
}

/** The deadline of a track's task, from the incident's deadlines (null: none of the bot's own). */
export function trackTaskDue(key: TaskKey, d: IncidentDeadlines): Date | null {
  switch (key) {
    case "preliminary-report":
      return d.preliminaryReportDueAt;
    case "final-report":
      return d.finalReportDueAt;
    case "client-told":
      return d.clientToldDueAt;
    case "ministry-report":
      return d.ministryReportDueAt;
    case "secrecy-first-report":
      return d.secrecyFirstReportDueAt;
    case "secrecy-detailed-report":
      return d.secrecyDetailedReportDueAt;
    default:
      return null;
  }
}
