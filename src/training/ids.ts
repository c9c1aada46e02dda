// Every view and block id of the training feature, in one place.
export const TrainingActions = {
  /** 「研修を開く」 on the App Home tab: a link to the course's page (it still sends an interaction) */
  openCourse: "training-open-course",
} as const;

export const TrainingViews = {
  /** the admin's CSV import modal */
  import: "training-import-view",
} as const;

/** the CSV input of the import modal (its field errors are shown here) */
export const ImportBlock = { block: "csv", action: "csv" } as const;

/** the snooze key of a course in a person's reminder DM */
export const trainingItem = (courseId: string) => `training:${courseId}`;
