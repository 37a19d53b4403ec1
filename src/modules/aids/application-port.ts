/**
 * What the aids module asks of the module that takes applications (src/modules/applications plugs it
 * in at start): the aids module shows an « apply » link without depending on the applications module,
 * which itself reads aids — one direction only.
 */
export interface AidApplicationsPort {
  /** True when a person can apply for this aid on Guichet (it has a form). */
  hasForm(aidId: string): Promise<boolean>;
}

declare module '../../platform/context' {
  interface Platform {
    aidApplications?: AidApplicationsPort;
  }
}
