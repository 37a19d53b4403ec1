import { DATE_LABELS, FACET_LABELS, FACETS, hasFilters, type Facet, type FacetCounts, type Filters } from '../facets';
import { COUNT_CAP } from '../query';
import { facetValueLabel } from '../sources';
import { formatNumber } from '../../../platform/views/format';

/** Values shown per facet, most frequent first (a ticked value is always shown): the page stays within its DOM budget. */
const MAX_VALUES_SHOWN = 6;

/**
 * The facets as checkboxes in the search form (no JavaScript: ticking boxes then « Filtrer »
 * sends a GET with every ticked value). Closed unless a filter is on; each value says how many
 * results it would give with the other filters. When the search stopped counting (`capped`), the
 * counts are those of the matches read: minimums, said « au moins ».
 */
export function Facets({ counts, filters, capped, tenantName, nearCommune }: { counts: FacetCounts; filters: Filters; capped: boolean; tenantName: (id: string) => string; nearCommune?: boolean }) {
  // Near a commune, the results are already placed by distance: the départements would only repeat it (unless one is ticked).
  const shown = FACETS.filter((f) => counts[f].length > 0 && !(f === 'territoire' && nearCommune && filters.territoire.length === 0));
  if (shown.length === 0) return null;
  const label = (facet: Facet, value: string) => (facet === 'dates' ? (DATE_LABELS[value] ?? value) : facet === 'autorite' ? tenantName(value) : facetValueLabel(facet, value));
  return (
    <details class="search-facets" open={hasFilters(filters) || undefined}>
      <summary>Filtrer les résultats{hasFilters(filters) ? ` (${FACETS.reduce((n, f) => n + filters[f].length, 0)} filtre${FACETS.reduce((n, f) => n + filters[f].length, 0) > 1 ? 's' : ''} actif${FACETS.reduce((n, f) => n + filters[f].length, 0) > 1 ? 's' : ''})` : ''}</summary>
      {capped ? <p class="search-facets__note">Très nombreux résultats : les nombres sont comptés parmi les {COUNT_CAP.toLocaleString('fr-FR')} premiers trouvés, il peut y en avoir davantage.</p> : null}
      {shown.map((facet) => (
        <fieldset class="search-facets__group">
          <legend>{FACET_LABELS[facet]}</legend>
          {counts[facet].filter((v, i) => i < MAX_VALUES_SHOWN || v.selected).map((v) => (
            // The input inside its label: two elements per value (the page stays within the DOM budget).
            <label class="search-facets__option">
              <input type="checkbox" name={facet} value={v.value} checked={v.selected || undefined} />
              {label(facet, v.value)} ({capped ? 'au moins ' : ''}
              {formatNumber(v.count)} résultat{v.count > 1 ? 's' : ''})
            </label>
          ))}
        </fieldset>
      ))}
      <button type="submit">Filtrer</button>
    </details>
  );
}
