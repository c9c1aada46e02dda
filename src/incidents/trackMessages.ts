// The report tracks in words (Japanese, English): who receives each report, the task and
// deadline names that carry the recipient, and the incident card's 「報告の系統」 lines.
import { catalogue, type Lang } from "../platform/i18n.js";
import type { CompanyProfile } from "../settings.js";
import { BUREAUS } from "./bureaus.js";
import { formatDue, incidentMessages } from "./messages.js";
import type { DeadlineKey, IncidentDeadlines, TaskKey } from "./rules.js";
import { reportTracks, trackTaskDue, type Recipient, type ReportTrack, type TrackId, type TrackProfile } from "./tracks.js";

const ja = {
  recipient: {
    ppc: "個人情報保護委員会",
    bureauUnset: "本店所在地を管轄する総合通信局等（設定 company.bureau が未設定）",
    client: "委託元",
    ministry: "総務省",
    minister: (bureau: string | null) => `総務大臣（提出窓口：${bureau ?? "総合通信局等（設定 company.bureau が未設定）"}）`,
    accreditedBody: (name: string) => `${name}（認定個人情報保護団体：追加の報告先）`,
    toCheck: "報告先は要確認",
  },
  track: {
    "personal-data": "個人データの漏えい等（個人情報保護法第26条1項、施行規則第7条・第8条）",
    "company-ministry": "総務省への即時報告（当社の方針 §11(1)[3]：当社の約束であり法令上の義務ではない）",
    secrecy: "通信の秘密の漏えい（電気通信事業法第28条、同法施行規則第57条：個人情報保護法施行規則第7条に関わらず報告）",
    "my-number": "特定個人情報の漏えい等（番号利用法第29条の4）",
    "specified-user-info": "特定利用者情報の漏えい等（指定を受けた電気通信事業者）",
    "accredited-body": "認定個人情報保護団体への報告（団体の規程が求める場合。委員会・総合通信局等への報告に代わるものではない）",
  } satisfies Record<TrackId, string>,
  header: "報告の系統",
  note: {
    "personal-data":
      "速報の期限は当社の設定（法令は「速やかに」：委員会のガイドラインでおおむね3〜5日）。確報は事態を知った日から30日以内、不正の目的のおそれは60日以内（施行規則第8条2項）",
    secrecy: "第一報の期限は当社の設定（法令は「速やかに」とのみ定める）。詳報は事態を知った日から30日以内（同法施行規則第57条）",
  } as Partial<Record<TrackId, string>>,
  despite: "個人情報保護法（施行規則第7条）上は報告対象外ですが、通信の秘密の報告（電気通信事業法第28条）は必要です。",
  none: "報告が必要な系統はありません（当社の方針による対応はチェックリストを参照）",
  toCheck: "報告先・期限は要確認（ボットは定めていません）",
  noDue: "期限なし（担当者が設定）",
  to: (r: string) => `報告先：${r}`,
  preliminary: (to: string) => `${to}への速報`,
  final: (to: string) => `${to}への確報`,
  companySetting: (days: number) => `期限は当社の設定（${days}日）：法令は「速やかに」とのみ定める`,
  profile: {
    usage: "`/privacy admin company` 会社の設定（電気通信事業者か、総合通信局等、登録番号など。設定ファイルの company: で変更）を表示",
    header: "*会社の設定*（設定ファイルの `company:` と `incidents:`。変更は設定ファイルで）",
    carrier: (yes: boolean): string =>
      yes
        ? "• 電気通信事業者：はい（個人データの速報・確報は本店所在地を管轄する総合通信局等へ：個人情報保護法第150条により委員会の権限が総務大臣に委任。通信の秘密の漏えいは電気通信事業法第28条の報告）"
        : "• 電気通信事業者：いいえ（個人データの速報・確報は個人情報保護委員会へ）",
    bureau: (name: string | null) => `• 本店所在地を管轄する総合通信局等：${name ?? "⚠️ 未設定（company.bureau を設定してください）"}`,
    name: (v: string | null) => `• 法人名：${v ?? "未設定"}`,
    registration: (v: string | null) => `• 登録番号又は届出番号：${v ?? "未設定"}`,
    designated: (yes: boolean) => `• 特定利用者情報の指定：${yes ? "あり（報告の系統を追加。報告先・期限は要確認）" : "なし"}`,
    accredited: (v: string | null) =>
      `• 認定個人情報保護団体：${v ? `${v}（団体の規程が求める場合の追加の報告先。総合通信局等・委員会への報告に代わらない）` : "なし"}`,
    periods: (p: number, n: number, s: number) =>
      `• 期限（当社の設定、発見日を1日目とする暦日）：速報 ${p}日（上限5日：施行規則第8条1項「速やかに」）・本人への通知 ${n}日・通信の秘密の第一報 ${s}日（法令は「速やかに」とのみ定める）。確報は30日（不正の目的のおそれは60日）、通信の秘密の詳報は30日（法令）`,
  },
  form: {
    secrecy: "通信の秘密（通信の内容、通信の日時・相手方などの通信履歴）に関わりますか",
    secrecyHint:
      "関わる場合、個人情報保護法とは別に電気通信事業法第28条の報告（第一報は速やかに、詳報は30日以内）が必要です。わからない場合は「わからない」のまま（該当として扱います）。",
    secrecyOption: { yes: "はい", no: "いいえ", unknown: "わからない（該当として扱う）" } as Record<string, string>,
    tracks: "その他の報告の系統",
    tracksOption: {
      myNumber: "特定個人情報（マイナンバー）を含む（番号利用法第29条の4：報告先・期限は要確認）",
      specifiedUserInfo: "特定利用者情報を含む（指定を受けた電気通信事業者：報告先・期限は要確認）",
    },
  },
};

const en: typeof ja = {
  recipient: {
    ppc: "the Personal Information Protection Commission (PPC)",
    bureauUnset: "the regional bureau of telecommunications of the head office (settings company.bureau not set)",
    client: "the entrusting client",
    ministry: "the Ministry of Internal Affairs and Communications",
    minister: (bureau: string | null) =>
      `the Minister of Internal Affairs and Communications (filed with: ${bureau ?? "the regional bureau (settings company.bureau not set)"})`,
    accreditedBody: (name: string) => `${name} (accredited organization: an extra recipient)`,
    toCheck: "recipient to be checked",
  },
  track: {
    "personal-data": "Personal data breach (APPI Art.26(1); Enforcement Rules Art.7-8)",
    "company-ministry": "Immediate report to the ministry (our policy §11(1)[3]: the company's own promise, not a legal duty)",
    secrecy:
      "Leak of secrecy of communications (Telecommunications Business Act Art.28; its Enforcement Rules Art.57: reported whatever APPI Enforcement Rules Art.7 says)",
    "my-number": "My Number (specific personal information) leak (My Number Act Art.29-4)",
    "specified-user-info": "Specified user information leak (designated carrier)",
    "accredited-body": "Report to the accredited organization (where its rules ask; never instead of the PPC or the bureau)",
  },
  header: "Report tracks",
  note: {
    "personal-data":
      "The preliminary report's deadline is the company's setting (the law says \"promptly\"; PPC guidance: about 3-5 days). Final report within 30 days of learning of it, 60 if possibly malicious (Enforcement Rules Art.8(2))",
    secrecy:
      "The first report's deadline is the company's setting (the law says only \"promptly\"). Detailed report within 30 days of learning of it (its Enforcement Rules Art.57)",
  },
  despite:
    "Not reportable under the APPI (Enforcement Rules Art.7), but the report on secrecy of communications (Telecommunications Business Act Art.28) is due.",
  none: "No report track applies (see the checklist for what our policies require)",
  toCheck: "recipient and deadline to be checked (the bot does not state them)",
  noDue: "no deadline (the owner sets one)",
  to: (r: string) => `to: ${r}`,
  preliminary: (to: string) => `Preliminary report to ${to}`,
  final: (to: string) => `Final report to ${to}`,
  companySetting: (days: number) => `deadline set by the company (${days} days): the law says only "promptly"`,
  profile: {
    usage: "`/privacy admin company` the company profile (telecom carrier, regional bureau, registration number…; changed in the settings file's company:)",
    header: "*Company profile* (settings file `company:` and `incidents:`; change it there)",
    carrier: (yes: boolean) =>
      yes
        ? "• Telecom carrier: yes (personal-data preliminary and final reports go to the regional bureau of the head office: APPI Art.150 delegates the PPC's power to the Minister; leaks of secrecy of communications are reported under the Telecommunications Business Act Art.28)"
        : "• Telecom carrier: no (personal-data preliminary and final reports go to the PPC)",
    bureau: (name: string | null) => `• Regional bureau of the head office: ${name ?? "⚠️ not set (set company.bureau)"}`,
    name: (v: string | null) => `• Corporate name: ${v ?? "not set"}`,
    registration: (v: string | null) => `• Registration or notification number: ${v ?? "not set"}`,
    designated: (yes: boolean) =>
      `• Designated for specified user information: ${yes ? "yes (an extra report track; recipient and deadline to be checked)" : "no"}`,
    accredited: (v: string | null) =>
      `• Accredited organization: ${v ? `${v} (an extra recipient where its rules ask; never instead of the bureau or the PPC)` : "none"}`,
    periods: (p: number, n: number, s: number) =>
      `• Deadlines (company settings, calendar days, the day of discovery is day 1): preliminary report ${p} days (at most 5: Enforcement Rules Art.8(1) "promptly"), notice to the people ${n} days, first report on secrecy of communications ${s} days (the law says only "promptly"). Final report 30 days (60 if possibly malicious), detailed report on secrecy of communications 30 days (the law)`,
  },
  form: {
    secrecy: "Does it involve secrecy of communications (contents, or who communicated with whom and when)?",
    secrecyHint:
      'If so, a report under the Telecommunications Business Act Art.28 is due apart from the APPI (first report promptly, detailed report within 30 days). If you do not know, leave "don\'t know" (treated as involved).',
    secrecyOption: { yes: "yes", no: "no", unknown: "don't know (treated as involved)" },
    tracks: "Further report tracks",
    tracksOption: {
      myNumber: "My Number data involved (My Number Act Art.29-4: recipient and deadline to be checked)",
      specifiedUserInfo: "Specified user information involved (designated carrier: recipient and deadline to be checked)",
    },
  },
};

export const trackMessages = catalogue(ja, en);

/** A recipient in words. */
export function recipientName(r: Recipient, lang: Lang): string {
  const m = trackMessages(lang).recipient;
  switch (r.kind) {
    case "ppc":
      return m.ppc;
    case "bureau":
      return r.bureau ? BUREAUS[r.bureau][lang] : m.bureauUnset;
    case "client":
      return m.client;
    case "ministry":
      return m.ministry;
    case "minister":
      return m.minister(r.bureau ? BUREAUS[r.bureau][lang] : null);
    case "accredited-body":
      return m.accreditedBody(r.name);
    default:
      return m.toCheck;
  }
}

/** A short recipient for labels: the bureau's or the PPC's name. */
function personalDataTo(profile: TrackProfile, lang: Lang): string {
  if (!profile.telecomCarrier) return trackMessages(lang).recipient.ppc;
  return profile.bureau ? BUREAUS[profile.bureau][lang] : trackMessages(lang).recipient.bureauUnset;
}

/**
 * A task's name for this company: the personal-data 速報/確報 name their recipient (the
 * bureau for a carrier, the PPC otherwise); the others are the catalogue's. Without a
 * profile, the catalogue's (the PPC's names).
 */
export function taskLabelFor(key: string, lang: Lang, profile?: TrackProfile | null): string {
  const t = trackMessages(lang);
  const what = lang === "ja" ? "（個人データ）" : " (personal data)";
  if (profile && key === "preliminary-report") return `${t.preliminary(personalDataTo(profile, lang))}${what}`;
  if (profile && key === "final-report") return `${t.final(personalDataTo(profile, lang))}${what}`;
  if (profile && key === "accredited-body-report" && profile.accreditedBody) return `${incidentMessages(lang).tasks[key]}：${profile.accreditedBody}`;
  return incidentMessages(lang).tasks[key as TaskKey] ?? key;
}

/** A deadline's name for this company: the 速報 and 確報 with their recipient. */
export function deadlineLabelFor(key: DeadlineKey, lang: Lang, profile?: TrackProfile | null): string {
  const m = incidentMessages(lang);
  if (profile && (key === "preliminaryReportDueAt" || key === "finalReportDueAt")) {
    const to = personalDataTo(profile, lang);
    return lang === "ja" ? `${m.deadline[key]}（${to}）` : `${m.deadline[key]} (${to})`;
  }
  return m.deadline[key];
}

/** The incident card's 「報告の系統」: each track with its recipient and its reports' deadlines. */
export function trackLines(tracks: ReportTrack[], d: IncidentDeadlines, lang: Lang, timeZone: string, profile: TrackProfile): string[] {
  const t = trackMessages(lang);
  if (tracks.length === 0) return [t.none];
  const sep = lang === "ja" ? "　" : "; ";
  return tracks.map((tr) => {
    const reports = tr.tasks.map((k) => {
      const due = trackTaskDue(k, d);
      return `${taskLabelFor(k, lang, profile)}${lang === "ja" ? "：" : ": "}${due ? formatDue(due, lang, timeZone) : tr.toCheck ? t.toCheck : t.noDue}`;
    });
    const note = tr.id === "personal-data" && tr.recipient.kind === "client" ? undefined : t.note[tr.id];
    return `• *${t.track[tr.id]}*\n　${t.to(recipientName(tr.recipient, lang))}${sep}${reports.join(sep)}${note ? `\n　${note}` : ""}`;
  });
}

export { reportTracks };

/** `/privacy admin company`: the profile as the bot applies it. */
export function companyProfileText(
  p: CompanyProfile,
  i: { preliminaryDays: number; peopleNoticeDays: number; secrecyFirstReportDays: number },
  lang: Lang,
): string {
  const m = trackMessages(lang).profile;
  return [
    m.header,
    m.carrier(p.telecomCarrier),
    ...(p.telecomCarrier
      ? [m.bureau(p.bureau ? BUREAUS[p.bureau][lang] : null), m.name(p.name), m.registration(p.registrationNumber), m.designated(p.designatedCarrier)]
      : []),
    m.accredited(p.accreditedBody),
    m.periods(i.preliminaryDays, i.peopleNoticeDays, i.secrecyFirstReportDays),
  ].join("\n");
}
