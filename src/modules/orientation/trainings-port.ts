/**
 * What a job sheet asks of the trainings module (src/modules/trainings plugs it in at start): the
 * trainings that lead to the job, nearest first when a commune is known, and the aids that can pay
 * for them — without the orientation module depending on the trainings module, which reads jobs.
 */
export interface JobTrainingsList {
  total: number;
  /** The commune the list is sorted from, as found (« Lorient »), or an error next to the field. */
  near?: { label: string } | { error: string; typed: string };
  items: Array<{ href: string; title: string; organisme: string; place: string; distance: string | null; start: string | null; demo: boolean }>;
  aids: Array<{ href: string; name: string }>;
  /** The full list of these trainings, with the filters (« Voir les 37 formations »). */
  listHref: string;
}

export interface JobTrainingsPort {
  /** Tables the answer is read from: a kept job sheet is rebuilt when one changes. */
  tables: readonly string[];
  forJob(code: string, commune: string | undefined): Promise<JobTrainingsList>;
}

declare module '../../platform/context' {
  interface Platform {
    jobTrainings?: JobTrainingsPort;
  }
}
