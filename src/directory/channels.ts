// The channels an organisation file names, one per kind.
export const CHANNEL_KINDS = ["approvals", "incidents", "compliance"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
