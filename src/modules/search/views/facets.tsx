import { DATE_LABELS, FACET_LABELS, FACETS, hasFilters, type Facet, type FacetCounts, type Filters } from '../facets';
import { facetValueLabel } from '../sources';

/**
 * The facets as checkboxes in the search form (no JavaScript: ticking boxes then « Filtrer »
 * sends a GET with every ticked value). Closed unless a filter is on; each value says how many
 * results it would give with the other filters.
 */
export function Facets({ counts, filters, tenantName }: { counts: FacetCounts; filters: Filters; tenantName: (id: string) => string }) {
  const shown = FACETS.filter((f) => counts[f].length > 0);
  if (shown.length === 0) return null;
  const label = (facet: Facet, value: string) => (facet === 'dates' ? (DATE_LABELS[value] ?? value) : facet === 'autorite' ? tenantName(value) : facetValueLabel(facet, value));
  return (
    <details class="search-facets" open={hasFilters(filters) || undefined}>
      <summary>Filtrer les résultats{hasFilters(filters) ? ` (${FACETS.reduce((n, f) => n + filters[f].length, 0)} filtre${FACETS.reduce((n, f) => n + filters[f].length, 0) > 1 ? 's' : ''} actif${FACETS.reduce((n, f) => n + filters[f].length, 0) > 1 ? 's' : ''})` : ''}</summary>
      {shown.map((facet) => (
        <fieldset class="search-facets__group">
          <legend>{FACET_LABELS[facet]}</legend>
          {counts[facet].map((v, i) => (
            <div class="checkbox">
              <input type="checkbox" id={`filtre-${facet}-${i}`} name={facet} value={v.value} checked={v.selected || undefined} />
              <label for={`filtre-${facet}-${i}`}>
                {label(facet, v.value)} <span class="search-facets__count">({v.count}<span class="visually-hidden"> résultat{v.count > 1 ? 's' : ''}</span>)</span>
              </label>
            </div>
          ))}
        </fieldset>
      ))}
      <button type="submit">Filtrer</button>
    </details>
  );
}
