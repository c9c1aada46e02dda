// Company settings (SETTINGS_FILE, YAML, optional): the calendar, quiet hours, job
// schedules and reminder thresholds. Every key is optional; the defaults are the rules'.
//
//   closedDays: [2026-12-29, 2026-12-30, 2026-12-31, 2027-01-02, 2027-01-03]
//   quietHours: { start: "20:00", end: "08:00" }
//   jobs:                               # cron expressions, in TZ (default Asia/Tokyo)
//     approvals.morning: "0 9 * * 1-5"
//     measures.reminder: "30 9 * * 1-5"
//   approvals:                          # business days; per request kind (src/requests/kinds) or default
//     default: { remindAfter: 2, escalateAfter: 5 }
//     provide: { escalateAfter: 3 }
//   measures: { remindAfter: 10 }       # business days after the final approval
//   fiscalYearStartMonth: 4             # 事業年度 (April by default)
//   training:                           # 第28条
//     validityMonths: 12
//     courses:                          # default: the three below
//       - { id: basic, name: 個人情報保護基礎研修, nameEn: Personal information basics, audience: all }
//       - { id: manager, name: 個人情報管理者研修, nameEn: Privacy manager curriculum, audience: manager }
//       - { id: handler, name: 個人情報取扱担当者研修, nameEn: Data handler curriculum, audience: handler }
//                                       # a course may add url: https://… (its page in the e-learning system)
//   processors: { inspectionMonths: 12, retentionYears: 7 }   # 第15条6項, 7項
//   dsr: { targetBusinessDays: 10, ceilingDays: 14, remindBefore: 2 }   # 開示等の請求 (第18-19条, APPI Art.39)
//   governance:                         # the company's own extensions of the rule (規程)
//     deputyChief: true                 # a deputy chief (規程 第3条, 第20条 name none): false turns the role off
//   incidents:                          # personal-data incidents (APPI Art.26)
//     telecom: true                     # old name of company.telecomCarrier (either may be given; they must agree)
//     preliminaryDays: 3                # 速報, calendar days counted from the day of discovery (at most 5: 速やかに)
//     peopleNoticeDays: 3               # notice to the people affected, likewise
//     secrecyFirstReportDays: 2         # 通信の秘密: 第一報 (電気通信事業法 第28条; the law says 速やかに; 1-3, the company's setting)
//   incidentPartners:                   # a leak at a business partner (seed 000 第9条): company settings, not law
//     investigationDays: 7              # the partner's investigation report (第9条1項 直ちに), calendar days from when we learned
//     recurrenceDays: 30                # the partner's recurrence-measures report (第9条2項 速やかに), likewise
//   company:                            # the company profile (issue 13)
//     telecomCarrier: true              # 電気通信事業者 (default): 速報/確報 to the bureau, 第28条 reports
//     bureau: kanto                     # 総合通信局等 of the head office's region (src/incidents/bureaus.ts)
//     name: 株式会社○○                  # corporate name for the report drafts
//     registrationNumber: "第123号"      # 登録番号 or 届出番号 under 電気通信事業法
//     designatedCarrier: false          # a carrier designated for 特定利用者情報 (its own report track, 要確認)
//     accreditedBody: 一般財団法人○○    # 認定個人情報保護団体: an extra recipient only, never instead of the bureau
//   statement:                          # 保有個人データに関する事項 (APPI Art.32, 施行令 第10条; issue 14)
//     address: 東京都○○区…              # the company's address (Art.32(1)(i))
//     representative: 代表取締役 ○○      # the representative's name (Art.32(1)(i))
//     requestDesk: 個人情報お問い合わせ窓口（…）、所定の書式により…   # how to make requests (Art.32(1)(iii), Art.37)
//     requestFee: 開示の請求1件につき1,000円   # the fee (Art.38); leave out when none is charged
//     complaintsDesk: 個人情報お問い合わせ窓口（電話…）   # 苦情の申出先 (施行令 第10条2号)
//     accreditedBodyDesk: ○○協会 苦情相談室（…）  # the 認定個人情報保護団体's desk (施行令 第10条3号; with company.accreditedBody)
//     securityMeasures: [基本方針の策定, 取扱規程の整備, …]   # 施行令 第10条1号: only what does not weaken security
//     foreignEnvironment: { 米国: "…" }    # per country: its personal-information regime (外的環境の把握)
//   routes:                             # approval routes (issue 17)
//     delegation: { enabled: true }     # 代理承認 during an absence (a company extension; src/routes/delegation/settings.ts)
//     circulation:                      # 回覧 by rule (src/routes/circulation/settings.ts)
//       rules: [{ kinds: [provide], to: [auditor] }]
//     consultation:                     # 合議: reviewers who also approve before the chief's final approval
//       rules:                          # default: sensitive and abroad -> [legal, infosec]; secrecy -> [telecom]
//         - { id: sensitive, when: sensitive, consult: [legal, infosec], mode: all }
//         - { id: big, when: headcount, over: 5000, consult: [infosec], mode: any }
//         - { id: entrust, when: kind, kinds: [entrust], consult: [U0LEGAL1, U0LEGAL2], mode: any }
//                                       # when: sensitive | abroad | headcount | secrecy | kind;
//                                       # consult: roles (src/directory/roles.ts) or Slack ids; rules: [] turns it off
//
// A file with a problem stops the bot with the line and the reason of each problem.
import fs from "node:fs";
import { isMap, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import cron from "node-cron";
import { REQUEST_KINDS } from "./requests/kinds/index.js";
import { BUREAU_IDS, type BureauId } from "./incidents/bureaus.js";
import { delegationSettings, delegationSettingsSchema, type DelegationSettings } from "./routes/delegation/settings.js";
import { circulationSettings, circulationSettingsSchema, type CirculationSettings } from "./routes/circulation/settings.js";
import { ConsultationSettingsSchema, DEFAULT_CONSULTATION_RULES, type ConsultationRule } from "./routes/consultation/rules.js";

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** who must take a course: everyone, 個人情報管理者, 個人情報取扱担当者 */
export const AUDIENCES = ["all", "manager", "handler"] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface Course {
  id: string;
  name: string;
  nameEn: string;
  audience: Audience;
  validityMonths: number;
  /** the course in the e-learning system (linked from reminders) */
  url?: string;
}

export const DEFAULT_COURSES: Omit<Course, "validityMonths">[] = [
  { id: "basic", name: "個人情報保護基礎研修", nameEn: "Personal information basics", audience: "all" },
  { id: "manager", name: "個人情報管理者研修", nameEn: "Privacy manager curriculum", audience: "manager" },
  { id: "handler", name: "個人情報取扱担当者研修", nameEn: "Data handler curriculum", audience: "handler" },
];

const thresholds = z
  .object({
    remindAfter: z.number().int().min(0).max(60).optional(),
    escalateAfter: z.number().int().min(1).max(120).optional(),
  })
  .strict();

const SettingsSchema = z
  .object({
    closedDays: z
      .array(
        z.union([z.string(), z.date()]).transform((v, ctx) => {
          const s = v instanceof Date ? v.toISOString().slice(0, 10) : v;
          if (!DAY.test(s) || Number.isNaN(Date.parse(`${s}T00:00:00Z`))) {
            ctx.addIssue({ code: "custom", message: `"${s}" is not a date (YYYY-MM-DD)` });
            return z.NEVER;
          }
          return s;
        }),
      )
      .optional(),
    quietHours: z
      .object({ start: z.string().regex(HHMM, "use HH:MM"), end: z.string().regex(HHMM, "use HH:MM") })
      .strict()
      .optional(),
    jobs: z
      .record(
        z.string(),
        z.string().refine((e) => e.trim().split(/\s+/).length === 5 && cron.validate(e), {
          message: "is not a cron expression of 5 fields (minute hour day month weekday)",
        }),
      )
      .optional(),
    approvals: z
      .object({ default: thresholds.optional(), ...Object.fromEntries(REQUEST_KINDS.map((k) => [k, thresholds.optional()])) })
      .strict()
      .optional(),
    measures: z
      .object({ remindAfter: z.number().int().min(1).max(120).optional() })
      .strict()
      .optional(),
    fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
    training: z
      .object({
        validityMonths: z.number().int().min(1).max(60).optional(),
        courses: z
          .array(
            z
              .object({
                id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "use lower-case letters, digits, - and _"),
                name: z.string().min(1),
                nameEn: z.string().min(1).optional(),
                audience: z.enum(AUDIENCES),
                validityMonths: z.number().int().min(1).max(60).optional(),
                url: z.url({ protocol: /^https$/, message: "use an https:// URL" }).optional(),
              })
              .strict(),
          )
          .min(1)
          .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, { message: "course ids must be unique" })
          .optional(),
      })
      .strict()
      .optional(),
    processors: z
      .object({ inspectionMonths: z.number().int().min(1).max(60).optional(), retentionYears: z.number().int().min(1).max(30).optional() })
      .strict()
      .optional(),
    governance: z.object({ deputyChief: z.boolean().optional() }).strict().optional(),
    incidents: z
      .object({
        telecom: z.boolean().optional(),
        // 速報 is due 速やかに (施行規則 第8条1項; PPC guidance: about 3-5 days): never longer
        preliminaryDays: z
          .number()
          .int()
          .min(1)
          .max(5, "must be 5 or fewer: the 速報 is due 速やかに (施行規則 第8条1項; PPC guidance: about 3-5 days from learning of it)")
          .optional(),
        peopleNoticeDays: z.number().int().min(1).max(30).optional(),
        secrecyFirstReportDays: z.number().int().min(1).max(3, "must be 3 or fewer: the 第一報 under 電気通信事業法 第28条 is due 速やかに").optional(),
      })
      .strict()
      .optional(),
    company: z
      .object({
        telecomCarrier: z.boolean().optional(),
        bureau: z.enum(BUREAU_IDS, { error: `use one of ${BUREAU_IDS.join(", ")} (総合通信局等)` }).optional(),
        name: z.string().trim().min(1).max(200).optional(),
        registrationNumber: z.coerce.string().trim().min(1).max(100).optional(),
        designatedCarrier: z.boolean().optional(),
        accreditedBody: z.string().trim().min(1).max(200).optional(),
      })
      .strict()
      .optional(),
    // data-subject requests: company settings (the law says 遅滞なく): the target in business days,
    // the ceiling in calendar days (APPI Art.39 lets the person sue two weeks after the request arrived: at most 14)
    dsr: z
      .object({
        targetBusinessDays: z.number().int().min(1).max(30).optional(),
        ceilingDays: z.number().int().min(1).max(14, "must be 14 or fewer (APPI Art.39: two weeks)").optional(),
        remindBefore: z.number().int().min(0).max(10).optional(),
      })
      .strict()
      .optional(),
    statement: z
      .object({
        address: z.string().trim().min(1).max(300).optional(),
        representative: z.string().trim().min(1).max(200).optional(),
        requestDesk: z.string().trim().min(1).max(1000).optional(),
        requestFee: z.string().trim().min(1).max(500).optional(),
        complaintsDesk: z.string().trim().min(1).max(1000).optional(),
        accreditedBodyDesk: z.string().trim().min(1).max(500).optional(),
        securityMeasures: z.array(z.string().trim().min(1).max(500)).max(30).optional(),
        foreignEnvironment: z.record(z.string().trim().min(1).max(100), z.string().trim().min(1).max(2000)).optional(),
      })
      .strict()
      .optional(),
    incidentPartners: z
      .object({ investigationDays: z.number().int().min(1).max(90).optional(), recurrenceDays: z.number().int().min(1).max(180).optional() })
      .strict()
      .optional(),
    // approval routes (issue 17): delegation and circulation (src/routes/)
    routes: z
      .object({
        delegation: delegationSettingsSchema.optional(),
        circulation: circulationSettingsSchema.optional(),
        consultation: ConsultationSettingsSchema.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const a = p.company?.telecomCarrier;
    const b = p.incidents?.telecom;
    if (a !== undefined && b !== undefined && a !== b)
      ctx.addIssue({ code: "custom", path: ["incidents", "telecom"], message: "disagrees with company.telecomCarrier (give only one)" });
  });

/** The company profile (settings `company:`): who the company is to the regulators. */
export interface CompanyProfile {
  /** 電気通信事業者 (default true: the rules' companies are ISPs and cable operators) */
  telecomCarrier: boolean;
  /** the 総合通信局等 of the head office's region; null while not set */
  bureau: BureauId | null;
  /** corporate name (the 第28条 report's first item) */
  name: string | null;
  /** 登録番号 or 届出番号 under 電気通信事業法 */
  registrationNumber: string | null;
  /** a designated carrier: the 特定利用者情報 track */
  designatedCarrier: boolean;
  /** 認定個人情報保護団体 the company belongs to (an extra recipient only) */
  accreditedBody: string | null;
}

/** What the public statement needs beyond the company profile (settings `statement:`, APPI Art.32, 施行令 第10条); null while not set. */
export interface StatementProfile {
  address: string | null;
  representative: string | null;
  requestDesk: string | null;
  /** null: no fee is charged (Art.38 allows one; none set means none) */
  requestFee: string | null;
  complaintsDesk: string | null;
  accreditedBodyDesk: string | null;
  securityMeasures: string[];
  /** per country (as written in the requests): a summary of its personal-information regime */
  foreignEnvironment: Record<string, string>;
}

export interface ApprovalThresholds {
  /** remind the current approver after this many business days in the stage, then daily */
  remindAfter: number;
  /** escalate after this many business days in the stage */
  escalateAfter: number;
}

export interface Settings {
  closedDays: string[];
  quietHours: { start: string; end: string };
  jobs: Record<string, string>;
  approvals: (kind: string) => ApprovalThresholds;
  measuresRemindAfter: number;
  /** first month of the fiscal year (4 = April) */
  fiscalYearStartMonth: number;
  training: { validityMonths: number; courses: Course[] };
  processors: { inspectionMonths: number; retentionYears: number };
  /** the company's extensions of the rule: the deputy chief (規程 第3条, 第20条 name no deputy; on by default) */
  governance: { deputyChief: boolean };
  /** personal-data incidents: the telecom switch (= company.telecomCarrier) and the periods in calendar days */
  incidents: { telecom: boolean; preliminaryDays: number; peopleNoticeDays: number; secrecyFirstReportDays: number };
  company: CompanyProfile;
  /** the public statement's profile (APPI Art.32) */
  statement: StatementProfile;
  /** a leak at a business partner (seed 000 第9条): the due dates of the partner's two reports, company settings in calendar days */
  incidentPartners: { investigationDays: number; recurrenceDays: number };
  /** data-subject requests: target (business days), ceiling (calendar days), first reminder (business days before the target) */
  dsr: { targetBusinessDays: number; ceilingDays: number; remindBefore: number };
  /** approval routes (issue 17): delegation during an absence, circulation */
  routes: {
    delegation: DelegationSettings;
    circulation: CirculationSettings;
    /** the consultation rules (合議, a company extension; src/routes/consultation) */
    consultation: { rules: readonly ConsultationRule[] };
  };
}

export const DEFAULT_APPROVALS: ApprovalThresholds = { remindAfter: 2, escalateAfter: 5 };

export function defaultSettings(): Settings {
  return fromParsed({});
}

function fromParsed(p: z.infer<typeof SettingsSchema>): Settings {
  const a = (p.approvals ?? {}) as Record<string, z.infer<typeof thresholds> | undefined>;
  return {
    closedDays: p.closedDays ?? [],
    quietHours: p.quietHours ?? { start: "20:00", end: "08:00" },
    jobs: p.jobs ?? {},
    approvals: (kind) => ({ ...DEFAULT_APPROVALS, ...(a.default ?? {}), ...(a[kind] ?? {}) }),
    measuresRemindAfter: p.measures?.remindAfter ?? 10,
    fiscalYearStartMonth: p.fiscalYearStartMonth ?? 4,
    training: {
      validityMonths: p.training?.validityMonths ?? 12,
      courses: (p.training?.courses ?? DEFAULT_COURSES).map((c) => ({
        id: c.id,
        name: c.name,
        nameEn: c.nameEn ?? c.name,
        audience: c.audience,
        validityMonths: ("validityMonths" in c ? c.validityMonths : undefined) ?? p.training?.validityMonths ?? 12,
        ...("url" in c && c.url ? { url: c.url } : {}),
      })),
    },
    processors: { inspectionMonths: p.processors?.inspectionMonths ?? 12, retentionYears: p.processors?.retentionYears ?? 7 },
    governance: { deputyChief: p.governance?.deputyChief ?? true },
    incidents: {
      telecom: p.company?.telecomCarrier ?? p.incidents?.telecom ?? true,
      preliminaryDays: p.incidents?.preliminaryDays ?? 3,
      peopleNoticeDays: p.incidents?.peopleNoticeDays ?? 3,
      secrecyFirstReportDays: p.incidents?.secrecyFirstReportDays ?? 2,
    },
    company: {
      telecomCarrier: p.company?.telecomCarrier ?? p.incidents?.telecom ?? true,
      bureau: p.company?.bureau ?? null,
      name: p.company?.name ?? null,
      registrationNumber: p.company?.registrationNumber ?? null,
      designatedCarrier: p.company?.designatedCarrier ?? false,
      accreditedBody: p.company?.accreditedBody ?? null,
    },
    statement: {
      address: p.statement?.address ?? null,
      representative: p.statement?.representative ?? null,
      requestDesk: p.statement?.requestDesk ?? null,
      requestFee: p.statement?.requestFee ?? null,
      complaintsDesk: p.statement?.complaintsDesk ?? null,
      accreditedBodyDesk: p.statement?.accreditedBodyDesk ?? null,
      securityMeasures: p.statement?.securityMeasures ?? [],
      foreignEnvironment: p.statement?.foreignEnvironment ?? {},
    },
    incidentPartners: { investigationDays: p.incidentPartners?.investigationDays ?? 7, recurrenceDays: p.incidentPartners?.recurrenceDays ?? 30 },
    dsr: { targetBusinessDays: p.dsr?.targetBusinessDays ?? 10, ceilingDays: p.dsr?.ceilingDays ?? 14, remindBefore: p.dsr?.remindBefore ?? 2 },
    routes: {
      delegation: delegationSettings(p.routes?.delegation),
      circulation: circulationSettings(p.routes?.circulation),
      consultation: { rules: p.routes?.consultation?.rules ?? DEFAULT_CONSULTATION_RULES },
    },
  };
}

export class SettingsError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { line: number; message: string }[],
  ) {
    super(`${file}: ${problems.map((p) => `line ${p.line}: ${p.message}`).join("; ")}`);
  }
}

export function parseSettings(text: string, file = "settings"): Settings {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  const lineOf = (offset: number | undefined) => (offset === undefined ? 1 : lc.linePos(offset).line);
  if (doc.errors.length > 0)
    throw new SettingsError(
      file,
      doc.errors.map((e) => ({ line: lineOf(e.pos[0]), message: e.message.split("\n")[0]! })),
    );
  const value = doc.toJS() ?? {};
  if (doc.contents && !isMap(doc.contents)) throw new SettingsError(file, [{ line: 1, message: "the file must be a mapping (key: value)" }]);
  const r = SettingsSchema.safeParse(value);
  if (r.success) return fromParsed(r.data);
  throw new SettingsError(
    file,
    r.error.issues.map((i) => {
      // the line of the deepest node of the path that exists
      let path = [...i.path] as (string | number)[];
      let node: unknown = path.length > 0 ? doc.getIn(path, true) : undefined;
      while (path.length > 0 && !node) {
        path = path.slice(0, -1);
        node = path.length > 0 ? doc.getIn(path, true) : undefined;
      }
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      const where = i.path.length ? `${i.path.join(".")}: ` : "";
      const message = i.code === "unrecognized_keys" ? `unknown key ${i.keys.map((k) => `"${k}"`).join(", ")}` : i.message;
      return { line: lineOf(range?.[0]), message: `${where}${message}` };
    }),
  );
}

export function loadSettings(file: string | undefined): Settings {
  if (!file) return defaultSettings();
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    throw new SettingsError(file, [{ line: 0, message: `cannot read: ${(e as Error).message}` }]);
  }
  return parseSettings(text, file);
}
