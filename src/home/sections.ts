// The sections of the App Home tab, in order: each feature contributes its own (like the
// digest's providers, src/digest/providers.ts).
import type { HomeSection } from "../platform/home.js";
import { incidentsHomeSection } from "../incidents/homeSection.js";
import { requestsHomeSection } from "../requests/homeSection.js";
import { retentionHomeSection } from "../retention/homeSection.js";
import { registerHomeSection } from "../register/homeSection.js";
import { delegationHomeSection } from "../routes/delegation/homeSection.js";

export function homeSections(): HomeSection[] {
  // biome-ignore format: one per line, so that branches adding one merge cleanly
  return [
    requestsHomeSection,
    incidentsHomeSection,
    registerHomeSection,
    retentionHomeSection,
    delegationHomeSection,
  ];
}
