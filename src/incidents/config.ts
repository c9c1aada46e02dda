// The company's incident settings (SETTINGS_FILE `incidents:` and `company:`, src/settings.ts)
// as the rules take them: the telecom switch, the periods of the 速報, the notice and the
// 通信の秘密 第一報, and the company profile (who receives the reports: tracks.ts).
import type { Services } from "../platform/services.js";
import type { CompanyProfile } from "../settings.js";
import type { Assessment, DeadlineOptions } from "./rules.js";

export interface IncidentSettings {
  telecom: boolean;
  preliminaryDays: number;
  peopleNoticeDays: number;
  secrecyFirstReportDays: number;
}

export const DEFAULT_INCIDENT_SETTINGS: IncidentSettings = { telecom: true, preliminaryDays: 3, peopleNoticeDays: 3, secrecyFirstReportDays: 2 };

export const DEFAULT_COMPANY_PROFILE: CompanyProfile = {
  telecomCarrier: true,
  bureau: null,
  name: null,
  registrationNumber: null,
  designatedCarrier: false,
  accreditedBody: null,
};

export function incidentSettings(s: Pick<Services, "settings">): IncidentSettings {
  return { ...DEFAULT_INCIDENT_SETTINGS, ...(s.settings?.incidents ?? {}) };
}

/** The company profile (settings `company:`), the defaults when there is no settings file. */
export function companyProfile(s: Pick<Services, "settings">): CompanyProfile {
  return s.settings?.company ?? DEFAULT_COMPANY_PROFILE;
}

/** What the profile adds to an assessment: the company's facts the tracks depend on. */
export function profileFacts(s: Pick<Services, "settings">): Pick<Assessment, "telecom" | "designatedCarrier" | "accreditedBody"> {
  const p = companyProfile(s);
  return { telecom: incidentSettings(s).telecom, designatedCarrier: p.telecomCarrier && p.designatedCarrier, accreditedBody: p.accreditedBody !== null };
}

/** The deadline options of rules.ts deadlines() for this company. */
export function deadlineOptions(s: Pick<Services, "settings" | "timeZone">): DeadlineOptions & { timeZone: string } {
  const i = incidentSettings(s);
  const partner = s.settings?.incidentPartners ?? { investigationDays: 7, recurrenceDays: 30 };
  return {
    timeZone: s.timeZone,
    preliminaryDays: i.preliminaryDays,
    noticeDays: i.peopleNoticeDays,
    secrecyFirstReportDays: i.secrecyFirstReportDays,
    partnerInvestigationDays: partner.investigationDays,
    partnerRecurrenceDays: partner.recurrenceDays,
  };
}
