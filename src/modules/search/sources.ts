import type { SearchSource } from '../../platform/search';
import { tenantsSearchSource } from '../../platform/search/tenants';
import { aidsSearchSource } from '../aids';
import { contentNewsSearchSource, contentPagesSearchSource } from '../content';
import { helpPlacesSearchSource } from '../help';
import { proceduresSearchSource } from '../procedures';

export { tenantsSearchSource };

/** Every type the one search knows, in the order of a rebuild. */
export const searchSources: SearchSource[] = [aidsSearchSource, contentPagesSearchSource, contentNewsSearchSource, helpPlacesSearchSource, tenantsSearchSource, proceduresSearchSource];

export function typeLabel(type: string): string {
  return searchSources.find((s) => s.type === type)?.label ?? type;
}
