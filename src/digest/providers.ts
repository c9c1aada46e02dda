// The sections of the compliance digest, one provider per feature.
import { requestsDigest, requestsOverdueDigest } from "../requests/digest.js";
import type { DigestProvider } from "./types.js";

export function digestProviders(): DigestProvider[] {
  return [requestsDigest, requestsOverdueDigest];
}
