// The compliance digest's section on the register of personal data: how many entries were
// not reviewed in a year (or never), and how many have no retention period. Counts only.
import type { DigestProvider } from "../platform/digest.js";
import { registerMessages } from "./messages.js";
import { registerCounts } from "./store.js";

export const registerDigest: DigestProvider = async (ctx) => {
  const today = ctx.calendar.day(ctx.now);
  const c = await registerCounts(ctx.services.database.prisma, today);
  if (c.total === 0) return null;
  const m = registerMessages(ctx.lang).digest;
  const lines = [m.line(c.reviewDue, c.total)];
  if (c.noRetention > 0) lines.push(m.retention(c.noRetention));
  return { order: 55, title: m.title, lines };
};
