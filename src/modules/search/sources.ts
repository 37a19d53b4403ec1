import { departementLabel, epciLabel, type SearchSource } from '../../platform/search';
import { tenantsSearchSource } from '../../platform/search/tenants';
import { eventsSearchSource } from '../agenda';
import { aidsSearchSource, AUDIENCES, THEMES } from '../aids';
import { contentNewsSearchSource, contentPagesSearchSource } from '../content';
import { helpPlacesSearchSource } from '../help';
import { jobsSearchSource } from '../orientation';
import { formsSearchSource, proceduresSearchSource } from '../procedures';
import { trainingsSearchSource } from '../trainings';

export { tenantsSearchSource };

/** Every type the one search knows, in the order of a rebuild. */
export const searchSources: SearchSource[] = [aidsSearchSource, contentPagesSearchSource, contentNewsSearchSource, helpPlacesSearchSource, tenantsSearchSource, proceduresSearchSource, formsSearchSource, jobsSearchSource, eventsSearchSource, trainingsSearchSource];

export function typeLabel(type: string): string {
  return searchSources.find((s) => s.type === type)?.label ?? type;
}

/** The French label of a facet's value: « Aide », « Jeunes », « Logement », « Finistère (29) »… (the value itself when unknown). */
export function facetValueLabel(facet: string, value: string): string {
  if (facet === 'type') return typeLabel(value);
  if (facet === 'territoire') return departementLabel(value);
  if (facet === 'epci') return epciLabel(value);
  const labels: Record<string, string> = facet === 'public' ? AUDIENCES : facet === 'theme' ? THEMES : {};
  return labels[value] ?? value;
}
