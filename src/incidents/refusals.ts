// Why an incident operation did nothing, and the log line a refused press or command leaves.
import { refusalLog } from "../platform/refusals.js";

export type IncidentRefusal = "not_found" | "not_assessor" | "closed";
export type FlowResult<T = object> = ({ ok: true } & T) | { ok: false; refusal: IncidentRefusal };

/** A refused press or command changes nothing but is logged. */
export const logRefusal = refusalLog("incident.press_refused");
