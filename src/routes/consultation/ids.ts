// Every action, view and block id of the consultation route (合議), in one place.
export const ConsultActions = {
  approve: "consult-approve",
  object: "consult-object",
  add: "consult-add",
} as const;

export const ConsultViews = {
  object: "consult-object-view",
  add: "consult-add-view",
} as const;

export const ObjectBlock = { block: "consult-reason", action: "value" } as const;
export const AddBlocks = {
  person: { block: "consult-person", action: "user" },
  reason: { block: "consult-add-reason", action: "value" },
} as const;

/** What a consultation button carries: the request and the version it was rendered for. */
export interface ConsultValue {
  id: string;
  v: number;
}

export const encodeConsult = (v: ConsultValue): string => JSON.stringify(v);
