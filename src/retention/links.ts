// Links from a retention item to its request's thread (purposes and processors come from requests).
import type { Db, Tx } from "../platform/db.js";
import { messageLink, type Services } from "../platform/services.js";
import type { ItemView, LinkOf } from "./blocks.js";

export async function linksOf(q: Db | Tx, s: Services, items: (ItemView & { sourceId: string })[]): Promise<LinkOf> {
  const ids = [...new Set(items.map((i) => i.sourceId))];
  const rows = ids.length ? await q.request.findMany({ where: { id: { in: ids } }, select: { code: true, channelId: true, messageTs: true } }) : [];
  const byCode = new Map(rows.map((r) => [r.code, r]));
  return (i) => {
    const r = byCode.get(i.subjectRef);
    return r?.channelId && r.messageTs ? `<${messageLink(s, r.channelId, r.messageTs)}|${i.subjectRef}>` : i.subjectRef;
  };
}
