// The company's incident settings (SETTINGS_FILE `incidents:`, src/settings.ts) as the
// rules take them: the telecom switch and the periods of the 速報 and the notice.
import type { Services } from "../platform/services.js";
import type { DeadlineOptions } from "./rules.js";

export interface IncidentSettings {
  telecom: boolean;
  preliminaryDays: number;
  peopleNoticeDays: number;
}

export const DEFAULT_INCIDENT_SETTINGS: IncidentSettings = { telecom: false, preliminaryDays: 3, peopleNoticeDays: 3 };

export function incidentSettings(s: Pick<Services, "settings">): IncidentSettings {
  return s.settings?.incidents ?? DEFAULT_INCIDENT_SETTINGS;
}

/** The deadline options of rules.ts deadlines() for this company. */
export function deadlineOptions(s: Pick<Services, "settings" | "timeZone">): DeadlineOptions & { timeZone: string } {
  const i = incidentSettings(s);
  const partner = s.settings?.incidentPartners ?? { investigationDays: 7, recurrenceDays: 30 };
  return {
    timeZone: s.timeZone,
    preliminaryDays: i.preliminaryDays,
    noticeDays: i.peopleNoticeDays,
    partnerInvestigationDays: partner.investigationDays,
    partnerRecurrenceDays: partner.recurrenceDays,
  };
}
