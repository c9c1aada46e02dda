// Every action, view and block id of circulation (回覧), in one place.
export const CirculationActions = {
  seen: "circulation-seen",
  add: "circulation-add",
  openLink: "circulation-open-link",
} as const;

export const CirculationViews = { add: "circulation-add-view" } as const;

/** The optional people picker on the request form, and in the add modal. */
export const CirculateBlock = { block: "circulate_to", action: "value" } as const;

/** What the 確認しました button carries. */
export interface SeenValue {
  id: string;
}
/** What the 回覧に追加 button and modal carry. */
export interface AddValue {
  requestId: string;
}
