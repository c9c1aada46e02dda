// Every scheduled job of every feature (each feature declares its own next to its code).
import type { Job } from "./platform/schedule/scheduler.js";
import { requestJobs } from "./requests/jobs.js";
import { trainingJobs } from "./training/jobs.js";
import { dutyJobs } from "./duties/jobs.js";
import { processorJobs } from "./processors/jobs.js";
import { recordJobs } from "./records/jobs.js";
import { digestJobs } from "./digest/jobs.js";
import { incidentJobs } from "./incidents/jobs.js";
import { dsrJobs } from "./dsr/jobs.js";
import { auditJobs } from "./platform/audit/jobs.js";
import { retentionJobs } from "./retention/jobs.js";
import { registerJobs } from "./register/jobs.js";
import { delegationJobs } from "./routes/delegation/jobs.js";

export function allJobs(): Job[] {
  // biome-ignore format: one per line, so that branches adding one merge cleanly
  return [
    ...requestJobs,
    ...trainingJobs,
    ...dutyJobs,
    ...processorJobs,
    ...recordJobs,
    ...digestJobs,
    ...incidentJobs,
    ...dsrJobs,
    ...registerJobs,
    ...retentionJobs,
    ...delegationJobs,
    ...auditJobs,
  ];
}
