// Personal data in free text: the detector (which kinds a text seems to hold) and the seal
// (what the audit chain keeps of a text instead of the text). Pure TypeScript, no Bolt.
export { luhnValid, myNumberCheckDigit, myNumberValid } from "./checks.js";
export { detectPii, holdsPii, PII_KINDS, type PiiKind } from "./detect.js";
export { normalize, type Normalized } from "./normalize.js";
export { sealFields, sealOf, textSeal, type Seal, type SealedText } from "./seal.js";
export { shownWithoutPii } from "./display.js";
export { eraseKeptTexts, keepText, type KeptText } from "./kept.js";
