// A link a person gives as evidence (a document, a record): https with a host, no spaces,
// at most `max` characters. The features' forms name the problem in their own words.
export type LinkProblem = "link_missing" | "link_invalid" | "link_not_https";

export function httpsLink(v: string | null | undefined, max: number): { value: string } | { problem: LinkProblem } {
  const url = (v ?? "").trim();
  if (!url) return { problem: "link_missing" };
  if (url.length > max || /\s/.test(url)) return { problem: "link_invalid" };
  if (!URL.canParse(url)) return { problem: /^https?:/i.test(url) ? "link_invalid" : "link_not_https" };
  const u = new URL(url);
  if (u.protocol !== "https:") return { problem: "link_not_https" };
  return u.hostname ? { value: url } : { problem: "link_invalid" };
}
