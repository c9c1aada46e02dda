// The documents of a submitted request form, read and hashed for the requests feature's
// submission handlers (src/requests/slack.ts).
import type { Lang } from "../../platform/i18n.js";
import type { Services } from "../../platform/services.js";
import { hashDocuments, readDocuments } from "./read.js";
import type { DocumentInput } from "./store.js";

/** The form's documents, hashed with the bot's token (file contents through url_private); or the field errors. */
export async function documentsFor(
  s: Services,
  values: unknown,
  lang: Lang,
): Promise<{ ok: true; documents: DocumentInput[] } | { ok: false; errors: Record<string, string> }> {
  const read = readDocuments(values as Record<string, Record<string, unknown>>, lang);
  if (!read.ok) return read;
  const documents = await hashDocuments(read.docs, { token: s.config?.slackBotToken, apiUrl: s.config?.slackApiUrl });
  return { ok: true, documents };
}
