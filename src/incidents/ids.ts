// Every action, view, shortcut and block id of the incidents feature, in one place.
export const IncidentShortcuts = {
  /** the global shortcut 「個人情報の事故を報告」 */
  report: "incident-report",
} as const;

export const IncidentActions = {
  /** 「評価する」 on the parent message in the incidents channel */
  assess: "incident-assess",
  /** 「受領しました（対応開始）」 on the parent message and in the responders' DMs (value: the incident id) */
  acknowledge: "incident-acknowledge",
  /** link buttons (to the incident's thread) still send an interaction */
  openLink: "incident-open-link",
  /** 「封じ込め完了」 on the parent message (value: the incident id) */
  contain: "incident-contain",
  /** 「速報を提出」: opens the small modal asking when it was submitted (value: the incident id) */
  reportPreliminary: "incident-report-preliminary",
  /** 「確報を提出」: the same modal (value: the incident id) */
  reportFinal: "incident-report-final",
  /** 「完了」 on a task of the checklist (value: incident id:task key) */
  taskDone: "incident-task-done",
  /** 「該当なし」 on a task: opens the small modal asking the reason (value: incident id:task key) */
  taskNa: "incident-task-na",
  /** 「終了する」 on the parent message: opens the modal asking the recurrence prevention (value: the incident id) */
  close: "incident-close",
  /** 「報告書の項目を記入」 on the parent message: items 5-9 of the regulator report (value: the incident id) */
  details: "incident-details",
  /** 「対応リーダーを指名」 on the parent message (value: the incident id) */
  assignLead: "incident-assign-lead",
  /** 「担当・期限を変更」 on a task of the checklist (value: incident id:task key) */
  taskEdit: "incident-task-edit",
  /** 「事故を報告」 on the App Home tab: the report modal, as the global shortcut opens it */
  reportFromHome: "incident-report-from-home",
} as const;

export const IncidentViews = {
  report: "incident-report-view",
  assess: "incident-assess-view",
  /** when the 速報 or 確報 was submitted to the regulator, and its reference */
  submitted: "incident-submitted-view",
  /** why a task is not applicable */
  taskNa: "incident-task-na-view",
  /** closing: the recurrence-prevention entry (再発防止策) */
  close: "incident-close-view",
  /** items 5-9 of the regulator report */
  details: "incident-details-view",
  /** the incident lead */
  lead: "incident-lead-view",
  /** a task's owner and due date */
  taskEdit: "incident-task-edit-view",
} as const;

/** The input blocks of the report-items modal (items 5-9 of 施行規則 第8条1項). */
export const DetailsBlocks = {
  secondaryHarm: "secondaryHarm",
  responseToPeople: "responseToPeople",
  publication: "publication",
  recurrencePrevention: "recurrencePrevention",
  otherMatters: "otherMatters",
} as const;

/** The input blocks of the lead modal and of the task owner/due modal. */
export const AssignBlocks = {
  lead: "lead",
  owner: "owner",
  dueOn: "dueOn",
  dueTime: "dueTime",
} as const;

/** The input blocks of the task and close modals. */
export const TaskBlocks = {
  naReason: "naReason",
  recurrence: "recurrencePrevention",
} as const;

/** What the 「該当なし」 modal is about (private_metadata). */
export interface TaskMeta {
  id: string;
  key: string;
}

/** The input blocks of the report modal (block_id; the element's action_id is INPUT). */
export const ReportBlocks = {
  summary: "summary",
  discoveredOn: "discoveredOn",
  discoveredTime: "discoveredTime",
  data: "data",
  affected: "affected",
  ongoing: "ongoing",
  processor: "processor",
  contact: "contact",
  /** 通信の秘密: yes, no, unknown (a carrier only; issue 13, tracks.ts) */
  secrecy: "secrecy",
} as const;

/** The input blocks of the assessment modal. */
export const AssessBlocks = {
  categories: "categories",
  encrypted: "encrypted",
  affectedCount: "affectedCount",
  processor: "processor",
  dataItems: "dataItems",
  cause: "cause",
  reason: "reason",
  /** 通信の秘密: yes, no, unknown (a carrier only) */
  secrecy: "secrecy",
  /** the further tracks: My Number, 特定利用者情報 (a designated carrier only) */
  tracks: "tracks",
} as const;

/** The input blocks of the 「速報を提出」/「確報を提出」 modal. */
export const SubmittedBlocks = {
  day: "submittedOn",
  time: "submittedTime",
  reference: "reference",
} as const;

/** What the submitted modal is about (private_metadata). */
export interface SubmittedMeta {
  id: string;
  kind: "preliminary" | "final";
}

/** action_id of the one element of every input block */
export const INPUT = "value";

/** What the assessment modal is about (private_metadata). */
export interface AssessMeta {
  id: string;
}
