// Every action, view and block id of delegation, in one place.
export const DelegationActions = {
  openAway: "delegation-open-away",
  endAway: "delegation-end-away",
  reviewComment: "delegation-review-comment",
} as const;

export const DelegationViews = { away: "delegation-away-view", comment: "delegation-comment-view" } as const;

export const AwayBlocks = {
  from: { block: "away_from", action: "value" },
  to: { block: "away_to", action: "value" },
  delegate: { block: "away_delegate", action: "value" },
} as const;
export const CommentBlock = { block: "review_comment", action: "value" } as const;

/** What the review comment button carries: the request, the absence it was decided in. */
export interface ReviewValue {
  requestId: string;
  delegationId: string;
}
