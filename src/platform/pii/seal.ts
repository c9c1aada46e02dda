// What the audit chain keeps of a free text: its length and a keyed hash (HMAC-SHA256 with
// the AUDIT_HMAC_KEY of the configuration), plus the kinds of personal data the detector
// saw in it. The chain cannot be erased, so it never holds what a person typed: the text
// itself stays on its record (a request version, an incident, a case), which can be
// erased on a data subject's request without breaking a link of the chain. With the key,
// whoever holds a text can still show that it is the one recorded.
import crypto from "node:crypto";
import { detectPii, type PiiKind } from "./detect.js";

export interface SealedText {
  /** characters (code points) of the text */
  len: number;
  /** HMAC-SHA256 of the text (UTF-8) under the audit key, hex, first 32 characters */
  hmac: string;
  /** the kinds of personal data seen in it, when any */
  pii?: PiiKind[];
}

export type Seal = (text: string | null | undefined) => SealedText | null;

export function textSeal(key: string): Seal {
  return (text) => {
    if (text === null || text === undefined) return null;
    const hmac = crypto.createHmac("sha256", key).update(text, "utf8").digest("hex").slice(0, 32);
    const pii = detectPii(text);
    return { len: [...text].length, hmac, ...(pii.length ? { pii } : {}) };
  };
}

/**
 * A key for a process that was given none (tests, a local trial): random, so the hashes of
 * such a run match nothing outside it. The configuration warns when it is used.
 */
const PROCESS_KEY = crypto.randomBytes(32).toString("hex");

/** The seal of the bot's services: the configured key, else the process's random one. */
export function sealOf(s: { config?: { auditHmacKey?: string } }): Seal {
  return textSeal(s.config?.auditHmacKey ?? PROCESS_KEY);
}

/** `data` with the named fields sealed (a field absent or null stays as it was). */
export function sealFields<T extends Record<string, unknown>>(seal: Seal, data: T, fields: readonly (keyof T)[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  for (const f of fields) {
    const v = data[f];
    if (typeof v === "string") out[f as string] = seal(v);
  }
  return out;
}
