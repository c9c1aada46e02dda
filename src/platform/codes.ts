// The readable codes of records (PRV-2026-0001 a request, INC- an incident, DSR- a subject
// request, CMP- a complaint, REG- an entry of the register of personal data): a prefix, the year in the company's time zone and a counter
// per prefix and year, kept in the CodeCounter table under the key "PRV-2026".
import type { Tx } from "./db.js";

export { yearIn } from "./day.js";

/** PRV 個人情報の提供等の申請 · INC 事故 · DSR 開示等の請求 · CMP 苦情・相談 · REG 個人データ管理台帳 */
export type CodePrefix = "PRV" | "INC" | "DSR" | "CMP" | "REG";

/** The `n`th code of a prefix in a year: four digits at least (PRV-2026-0001, PRV-2026-12345). */
export function formatCode(prefix: CodePrefix, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(4, "0")}`;
}

/** The codes of a prefix, written exactly (upper case), e.g. /^INC-\d{4}-\d{4,}$/. */
export const codePattern = (prefix: CodePrefix): RegExp => new RegExp(`^${prefix}-\\d{4}-\\d{4,}$`);

/** The next code of a prefix in a year, counted in the transaction (the first is 0001). */
export async function nextCode(tx: Tx, prefix: CodePrefix, year: number): Promise<string> {
  const key = `${prefix}-${year}`;
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "CodeCounter" (key, value) VALUES (${key}, 1)
    ON CONFLICT (key) DO UPDATE SET value = "CodeCounter".value + 1
    RETURNING value`;
  return formatCode(prefix, year, Number(rows[0]!.value));
}
