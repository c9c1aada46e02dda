// Every action id of the statement feature, and what its button carries.
export const StatementActions = {
  /** publish the statement shown (its hash) as the next version */
  publish: "statement-publish",
} as const;

/** The publish button's value: the hash of the Markdown the officer saw. */
export interface PublishValue {
  hash: string;
}
export const encodePublish = (v: PublishValue): string => JSON.stringify({ h: v.hash });
