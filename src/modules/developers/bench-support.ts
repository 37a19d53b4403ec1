/** What bench/run.ts needs to make an application and its key (like test-support.ts, for the bench only). */
export { createApplication, setQuotas } from './store';
