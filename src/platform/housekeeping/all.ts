import type { GuichetModule } from '../module';
import { platformPurges } from './platform-purges';
import type { Purge } from './purges';

/** The platform's purges, then every module's, in registration order. */
export function allPurges(modules: readonly GuichetModule[]): Purge[] {
  return [...platformPurges, ...modules.flatMap((m) => m.purges ?? [])];
}
