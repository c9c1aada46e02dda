// The sections of the App Home tab, in order, and the buttons at its top: each feature
// contributes its own (like the digest's providers, src/digest/providers.ts). To add one:
// write `<feature>/homeSection.ts` exporting a `HomeSection` (most list waiting things with
// `homeListBlocks` from src/platform/home.ts, so deadlines look the same everywhere) and
// add it below; a button that starts something is a `HomeStarter` with its own handler.
import type { HomeSection, HomeStarter } from "../platform/home.js";
import { dsrHomeSection } from "../dsr/homeSection.js";
import { dutiesHomeSection } from "../duties/homeSection.js";
import { incidentsHomeSection, incidentsHomeStarter } from "../incidents/homeSection.js";
import { processorsHomeSection } from "../processors/homeSection.js";
import { requestsHomeSection, requestsHomeStarter } from "../requests/homeSection.js";
import { trainingHomeSection } from "../training/homeSection.js";
import { retentionHomeSection } from "../retention/homeSection.js";
import { registerHomeSection } from "../register/homeSection.js";
import { delegationHomeSection } from "../routes/delegation/homeSection.js";

export function homeSections(): HomeSection[] {
  // biome-ignore format: one per line, so that branches adding one merge cleanly
  return [
    requestsHomeSection,
    delegationHomeSection,
    incidentsHomeSection,
    dsrHomeSection,
    trainingHomeSection,
    dutiesHomeSection,
    processorsHomeSection,
    retentionHomeSection,
    registerHomeSection,
  ];
}

export function homeStarters(): HomeStarter[] {
  return [requestsHomeStarter, incidentsHomeStarter];
}
