// The public statement (保有個人データに関する事項, APPI Art.32, 施行令 第10条): what it must
// say, built from the company's settings and the effective requests, as Markdown; its hash;
// the difference between two versions; who may publish. Pure: no clock, no database, no Slack.
//
// What Art.32(1) and 施行令 第10条 require (the items are numbered as the statement shows them):
//   1 the company's name, address and representative (Art.32(1)(i))
//   2 the purposes of all 保有個人データ (Art.32(1)(ii))
//   3 how to make requests (Art.32(1)(iii), Art.37) with the fee, if any (Art.38)
//   4 the security measures, leaving out what would weaken security (施行令 第10条1号), with
//     the foreign countries where data is handled (the PPC guideline's 外的環境の把握)
//   5 the complaints desk (施行令 第10条2号)
//   6 the 認定個人情報保護団体's name and desk, only when the company is a member (第10条3号)
// and, a company rule (規程 第31条5項), the disposal criteria told to the data subjects.
import crypto from "node:crypto";
import { isChiefOrDeputy, isCompliance, type HasRoles } from "../directory/roles.js";

/** A country where data is handled, and through which kind of request it got there. */
export interface ForeignCountry {
  country: string;
  via: ("entrust" | "provide" | "joint")[];
}

export interface StatementInput {
  name: string | null;
  address: string | null;
  representative: string | null;
  /** the effective purposes (their texts), in a stable order */
  purposes: string[];
  requestDesk: string | null;
  requestFee: string | null;
  complaintsDesk: string | null;
  securityMeasures: string[];
  /** the 認定個人情報保護団体 the company belongs to; null = not a member */
  accreditedBody: string | null;
  accreditedBodyDesk: string | null;
  countries: ForeignCountry[];
  /** per country: a summary of its regime (settings statement.foreignEnvironment) */
  foreignEnvironment: Record<string, string>;
}

/** Items the statement cannot do without: publishing is refused while any is missing. */
export type Missing =
  | "name"
  | "address"
  | "representative"
  | "purposes"
  | "requestDesk"
  | "complaintsDesk"
  | "securityMeasures"
  | "accreditedBodyDesk"
  | "foreignEnvironment";

const one = (s: string) => s.replace(/\s+/g, " ").trim();
const VIA: Record<ForeignCountry["via"][number], string> = { entrust: "委託先", provide: "提供先", joint: "共同利用者" };

/**
 * The statement in Markdown (Japanese: it is published to the data subjects), and what is
 * missing. A missing item is written as 【未設定】 so that a draft shows the gap.
 */
export function buildStatement(i: StatementInput): { markdown: string; missing: Missing[] } {
  const missing: Missing[] = [];
  const need = (v: string | null, key: Missing) => {
    if (v?.trim()) return one(v);
    missing.push(key);
    return "【未設定】";
  };
  const L: string[] = [];
  L.push("# 保有個人データに関する事項", "");
  L.push("個人情報の保護に関する法律 第32条第1項及び同法施行令 第10条に基づき、次の事項を公表します。", "");
  L.push("## 1. 個人情報取扱事業者の名称、住所及び代表者の氏名", "");
  L.push(`- 名称：${need(i.name, "name")}`, `- 住所：${need(i.address, "address")}`, `- 代表者：${need(i.representative, "representative")}`, "");
  L.push("## 2. 保有個人データの利用目的", "");
  const purposes = [...new Set(i.purposes.map(one).filter(Boolean))];
  if (purposes.length === 0) {
    missing.push("purposes");
    L.push("- 【未設定】（有効な収集目的の届出がありません）");
  } else for (const p of purposes) L.push(`- ${p}`);
  L.push("");
  L.push("## 3. 開示等の請求等に応じる手続（法第32条第2項、第33条から第35条まで、第37条）", "");
  L.push(need(i.requestDesk, "requestDesk"), "");
  L.push(`- 手数料（法第38条）：${i.requestFee?.trim() ? one(i.requestFee) : "いただいておりません"}`, "");
  L.push("## 4. 保有個人データの安全管理のために講じた措置（施行令第10条第1号）", "");
  if (i.securityMeasures.length === 0) {
    missing.push("securityMeasures");
    L.push("- 【未設定】");
  } else for (const m of i.securityMeasures) L.push(`- ${one(m)}`);
  L.push("");
  if (i.countries.length > 0) {
    L.push("### 外的環境の把握（保有個人データを取り扱う外国）", "");
    for (const c of [...i.countries].sort((a, b) => a.country.localeCompare(b.country, "ja"))) {
      const env = i.foreignEnvironment[c.country];
      if (!env) missing.push("foreignEnvironment");
      L.push(`- ${one(c.country)}（${c.via.map((v) => VIA[v]).join("・")}）：${env ? one(env) : "【未設定】当該国の個人情報の保護に関する制度の概要"}`);
    }
    L.push("");
  }
  L.push("## 5. 苦情の申出先（施行令第10条第2号）", "");
  L.push(need(i.complaintsDesk, "complaintsDesk"), "");
  if (i.accreditedBody?.trim()) {
    L.push("## 6. 認定個人情報保護団体（施行令第10条第3号）", "");
    L.push("当社は、次の認定個人情報保護団体の対象事業者です。", "");
    L.push(`- 名称：${one(i.accreditedBody)}`, `- 苦情の解決の申出先：${need(i.accreditedBodyDesk, "accreditedBodyDesk")}`, "");
  }
  L.push(`## ${i.accreditedBody?.trim() ? 7 : 6}. 保存期間と廃棄の基準（当社規程第31条第5項）`, "");
  L.push(
    "利用目的ごとに保存期間を定め、保存期間の経過後は遅滞なく消去します。ただし、法令により保存が義務付けられている場合は、その期間保存します。紙の書面はシュレッダー等で読み取り不能にしたうえで信頼できる廃棄物処理業者に委託して廃棄し、電子データは専用のソフトウェアで完全に消去するか、記憶媒体を物理的に破壊してから廃棄します。",
    "",
  );
  return { markdown: `${L.join("\n").trimEnd()}\n`, missing: [...new Set(missing)] };
}

/** The hash a published version is known by: sha256 of its Markdown, hex. */
export function statementHash(markdown: string): string {
  return crypto.createHash("sha256").update(markdown, "utf8").digest("hex");
}

/** A line diff (longest common subsequence): "- " removed, "+ " added, unchanged lines left out. */
export function lineDiff(before: string, after: string): string[] {
  const a = before.split("\n");
  const b = after.split("\n");
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let x = n - 1; x >= 0; x--)
    for (let y = m - 1; y >= 0; y--) lcs[x]![y] = a[x] === b[y] ? lcs[x + 1]![y + 1]! + 1 : Math.max(lcs[x + 1]![y]!, lcs[x]![y + 1]!);
  const out: string[] = [];
  let x = 0;
  let y = 0;
  while (x < n || y < m) {
    if (x < n && y < m && a[x] === b[y]) {
      x++;
      y++;
    } else if (y < m && (x >= n || lcs[x]![y + 1]! >= lcs[x + 1]![y]!)) out.push(`+ ${b[y++]}`);
    else out.push(`- ${a[x++]}`);
  }
  return out.filter((l) => l.trim() !== "+" && l.trim() !== "-");
}

/** Publishing: the chief, the deputy chief or compliance. */
export function mayPublishStatement(a: HasRoles): boolean {
  return isChiefOrDeputy(a) || isCompliance(a);
}

export type Refusal = "not_allowed" | "changed" | "unchanged" | "incomplete";
