// Every block and action id of the documents of a request, in one place.
export const DocumentBlocks = {
  files: { block: "documents", action: "files" },
  links: { block: "document-links", action: "value" },
} as const;

/** At most this many files per submission (Slack's file_input takes 1-10). */
export const MAX_FILES = 5;
/** At most this many links, one a line. */
export const MAX_LINKS = 5;
