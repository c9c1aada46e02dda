// The sections of the compliance digest, one provider per feature (and the decision log's anchor).
import { dutiesDigest } from "../duties/digest.js";
import { processorsDigest } from "../processors/digest.js";
import { requestsDigest, requestsOverdueDigest } from "../requests/digest.js";
import { trainingDigest } from "../training/digest.js";
import { incidentsDigest } from "../incidents/digest.js";
import { dsrDigest } from "../dsr/digest.js";
import type { DigestProvider } from "../platform/digest.js";
import { auditDigest } from "../platform/audit/digest.js";
import { delegationDigest } from "../routes/delegation/digest.js";

export function digestProviders(): DigestProvider[] {
  return [requestsDigest, requestsOverdueDigest, delegationDigest, trainingDigest, dutiesDigest, processorsDigest, dsrDigest, incidentsDigest, auditDigest];
}
