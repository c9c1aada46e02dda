// The sections of the compliance digest, one provider per feature (and the decision log's anchor).
import { dutiesDigest } from "../duties/digest.js";
import { processorsDigest } from "../processors/digest.js";
import { requestsDigest, requestsOverdueDigest } from "../requests/digest.js";
import { trainingDigest } from "../training/digest.js";
import { incidentsDigest } from "../incidents/digest.js";
import { dsrDigest } from "../dsr/digest.js";
import type { DigestProvider } from "../platform/digest.js";
import { auditDigest } from "../platform/audit/digest.js";
import { retentionDigest } from "../retention/digest.js";
import { registerDigest } from "../register/digest.js";
import { delegationDigest } from "../routes/delegation/digest.js";

export function digestProviders(): DigestProvider[] {
  // biome-ignore format: one per line, so that branches adding one merge cleanly
  return [
    requestsDigest,
    requestsOverdueDigest,
    trainingDigest,
    dutiesDigest,
    processorsDigest,
    registerDigest,
    retentionDigest,
    dsrDigest,
    incidentsDigest,
    delegationDigest,
    auditDigest,
  ];
}
