// What the public statement is built from: the settings, the effective purposes and the
// countries of effective entrustment, provision and joint-use requests. The one place to
// extend with the register's entries (statementPurposes).
import type { Db, Tx } from "../platform/db.js";
import { shownWithoutPii } from "../platform/pii/index.js";
import type { Settings } from "../settings.js";
import type { ForeignCountry, StatementInput } from "./rules.js";

type Q = Db | Tx;

/**
 * The purposes of 保有個人データ: each effective purpose request's text (規程 第4条), and
 * the purposes of the register's entries that no purpose request stands behind; once each.
 */
export async function statementPurposes(q: Q): Promise<string[]> {
  const rows = await q.$queryRaw<{ purpose: string | null; title: string }[]>`
    SELECT v."data"->>'purpose' AS "purpose", r."title" FROM "Request" r
      JOIN "RequestVersion" v ON v."requestId" = r."id" AND v."version" = r."version"
     WHERE r."kind" = 'purpose' AND r."status" = 'effective' ORDER BY r."effectiveAt", r."code"`;
  // the register's entries made by hand (no purpose request behind them) add their purposes (規程 第23条)
  const entries = await q.$queryRaw<{ purposes: string }[]>`
    SELECT "purposes" FROM "RegisterEntry" WHERE cardinality("purposeRequests") = 0 AND btrim("purposes") <> '' ORDER BY "createdAt", "code"`;
  const texts = [...rows.map((r) => (r.purpose ?? r.title).trim()), ...entries.map((e) => e.purposes.trim())];
  // a purpose that seems to hold personal data is left out of a public text (the placeholder says so)
  return [...new Set(texts.map((t) => shownWithoutPii(t, "ja")).filter(Boolean))];
}

/** Countries named by effective requests that send data abroad (APPI Art.28): entrust, provide, joint. */
export async function statementCountries(q: Q): Promise<ForeignCountry[]> {
  const rows = await q.$queryRaw<{ kind: "entrust" | "provide" | "joint"; country: string }[]>`
    SELECT DISTINCT r."kind", btrim(v."data"->>'country') AS "country" FROM "Request" r
      JOIN "RequestVersion" v ON v."requestId" = r."id" AND v."version" = r."version"
     WHERE r."kind" IN ('entrust', 'provide', 'joint') AND r."status" = 'effective'
       AND coalesce(btrim(v."data"->>'country'), '') <> ''`;
  const by = new Map<string, Set<ForeignCountry["via"][number]>>();
  for (const r of rows) by.set(r.country, (by.get(r.country) ?? new Set()).add(r.kind));
  const order = ["entrust", "joint", "provide"] as const;
  return [...by].map(([country, via]) => ({ country, via: order.filter((k) => via.has(k)) }));
}

export async function statementInput(q: Q, settings: Settings): Promise<StatementInput> {
  const [purposes, countries] = await Promise.all([statementPurposes(q), statementCountries(q)]);
  const st = settings.statement;
  return {
    name: settings.company.name,
    address: st.address,
    representative: st.representative,
    purposes,
    requestDesk: st.requestDesk,
    requestFee: st.requestFee,
    complaintsDesk: st.complaintsDesk,
    securityMeasures: st.securityMeasures,
    accreditedBody: settings.company.accreditedBody,
    accreditedBodyDesk: st.accreditedBodyDesk,
    countries,
    foreignEnvironment: st.foreignEnvironment,
  };
}
