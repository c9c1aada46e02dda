// Every scheduled job of every feature (each feature declares its own next to its code).
import type { Job } from "./platform/schedule/scheduler.js";
import { requestJobs } from "./requests/jobs.js";
import { digestJobs } from "./digest/jobs.js";

export function allJobs(): Job[] {
  return [...requestJobs, ...digestJobs];
}
