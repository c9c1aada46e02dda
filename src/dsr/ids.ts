// Every action, view and block id of the subject-requests and complaints feature.
export const DsrActions = {
  /** 「本人確認を記録」 on the register post and in the owner's DM; 「本人確認を訂正」 once verified (value: the case id) */
  identity: "dsr-identity",
  /** 「回答を記録」: refused until the identity check is recorded (value: the case id) */
  answer: "dsr-answer",
  /** 「本人への通知を記録」 once the outcome is settled (value: the case id) */
  notice: "dsr-notice",
  /** 「提供記録の一覧」 on a request for disclosure of provision records (APPI Art.33(5)): the records feature's listing modal (value: the case id) */
  provisionRecords: "dsr-provision-records",
  /** 「取り下げ」 (value: the case id) */
  withdraw: "dsr-withdraw",
  /** 「不実施を承認」 on the approval request in the thread / the chief's DM (value: case id:rev) */
  approveRefusal: "dsr-approve-refusal",
  /** 「差し戻し」: opens the modal asking the reason (value: case id:rev) */
  sendBack: "dsr-send-back",
  /** link buttons (to the register post) still send an interaction */
  openLink: "dsr-open-link",
  /** 「対応結果を記録」 on a complaint's post (value: the complaint id) */
  complaintClose: "complaint-close",
} as const;

export const DsrViews = {
  log: "dsr-log-view",
  identity: "dsr-identity-view",
  answer: "dsr-answer-view",
  withdraw: "dsr-withdraw-view",
  sendBack: "dsr-send-back-view",
  notice: "dsr-notice-view",
  complaint: "complaint-log-view",
  complaintClose: "complaint-close-view",
} as const;

/** The input blocks of the logging modal (block_id; the element's action_id is INPUT). */
export const LogBlocks = {
  kind: "kind",
  via: "via",
  receivedOn: "receivedOn",
  requester: "requester",
  mandate: "mandate",
  customerRef: "customerRef",
  scope: "scope",
  /** how the person asks to receive a disclosure (Art.33(1)) */
  method: "disclosureMethod",
  /** the fee, in yen (Art.38) */
  fee: "feeYen",
  owner: "owner",
} as const;

export const IdentityBlocks = {
  document: "idDocument",
  /** 「その他」: which one, from a list (在留カード, 個人番号カード, …) */
  otherDocument: "idOtherDocument",
  /** 「その他」: an optional short label, never a number */
  note: "idDocumentNote",
  mandateDocument: "mandateDocument",
  agentDocument: "agentDocument",
  checkedBy: "checkedBy",
  checkedOn: "checkedOn",
} as const;

export const AnswerBlocks = {
  outcome: "outcome",
  actionTaken: "actionTaken",
  actionOn: "actionOn",
  grounds: "grounds",
  /** no 保有個人データ: none exists, or 施行令 第5条's item */
  notRetained: "notRetained",
  /** stopping use or provision: the Art.35 condition */
  basis: "statutoryBasis",
  /** a disclosure: the method used (Art.33(2)) */
  methodUsed: "methodUsed",
  reason: "reasonToPerson",
} as const;

export const NoticeBlocks = {
  on: "noticeOn",
  via: "noticeVia",
  reasonExplained: "reasonExplained",
} as const;

export const WithdrawBlocks = { note: "withdrawNote" } as const;
export const SendBackBlocks = { reason: "sendBackReason" } as const;

export const ComplaintBlocks = {
  kind: "kind",
  via: "via",
  receivedOn: "receivedOn",
  summary: "summary",
  customerRef: "customerRef",
  link: "link",
  owner: "owner",
} as const;

export const ComplaintCloseBlocks = {
  outcome: "outcome",
  text: "outcomeText",
  referredTo: "referredTo",
  closedOn: "closedOn",
} as const;

/** action_id of the one element of every input block */
export const INPUT = "value";

/** What a case modal is about (private_metadata). */
export interface CaseMeta {
  id: string;
  /** the case's revision when the modal opened (a stale modal changes nothing) */
  rev: number;
}

export const encodeCaseRev = (id: string, rev: number) => `${id}:${rev}`;
