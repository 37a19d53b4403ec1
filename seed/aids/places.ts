import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Named {
  code: string;
  nom: string;
}

let cache: { communes: Map<string, string>; epci: Map<string, string>; departements: Map<string, string>; regions: Map<string, string> } | undefined;

/** Official names of territories by code (COG; SIREN for intercommunalities), from Etalab's package. */
export function places() {
  if (!cache) {
    const load = (file: string, filter: (r: Named & { type?: string }) => boolean = () => true) =>
      new Map((require(`@etalab/decoupage-administratif/data/${file}.json`) as Array<Named & { type?: string }>).filter(filter).map((r) => [r.code, r.nom]));
    cache = {
      communes: load('communes', (c) => c.type === 'commune-actuelle'),
      epci: load('epci'),
      departements: load('departements'),
      regions: load('regions'),
    };
  }
  return cache;
}

export function placeName(level: 'region' | 'departement' | 'epci' | 'commune', code: string): string {
  const p = places();
  const map = level === 'region' ? p.regions : level === 'departement' ? p.departements : level === 'epci' ? p.epci : p.communes;
  const name = map.get(code);
  if (!name) throw new Error(`unknown ${level} ${code}`);
  return name;
}
