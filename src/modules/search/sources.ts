import type { AnyDb, SearchSource } from '../../platform/search';
import { aidsSearchSource, AUDIENCES, THEMES } from '../aids';
import { contentNewsSearchSource, contentPagesSearchSource } from '../content';
import { helpPlacesSearchSource } from '../help';

/** The authorities themselves: « Brest Métropole » finds its space. */
export const tenantsSearchSource: SearchSource = {
  type: 'collectivite',
  label: 'Collectivité',
  async documentsFor(db: AnyDb) {
    const rows = (await db.selectFrom('platform_tenants').select(['id', 'name', 'short_name', 'description', 'cog_code', 'contact_address']).execute()) as Array<{
      id: string;
      name: string;
      short_name: string;
      description: string;
      cog_code: string;
      contact_address: string;
    }>;
    return rows.map((t) => ({
      type: 'collectivite',
      objectId: t.id,
      tenantId: t.id,
      title: t.name,
      body: [t.short_name, t.description, t.contact_address].filter(Boolean).join('\n'),
      url: `/collectivites/${t.id}/`,
      territoryCodes: [t.cog_code],
    }));
  },
};

/** Every type the one search knows, in the order of a rebuild. */
export const searchSources: SearchSource[] = [aidsSearchSource, contentPagesSearchSource, contentNewsSearchSource, helpPlacesSearchSource, tenantsSearchSource];

export function typeLabel(type: string): string {
  return searchSources.find((s) => s.type === type)?.label ?? type;
}

/** The French label of a facet's value: « Aide », « Jeunes », « Logement »… (the value itself when unknown). */
export function facetValueLabel(facet: string, value: string): string {
  if (facet === 'type') return typeLabel(value);
  const labels: Record<string, string> = facet === 'public' ? AUDIENCES : facet === 'theme' ? THEMES : {};
  return labels[value] ?? value;
}
