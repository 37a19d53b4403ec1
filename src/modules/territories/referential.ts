import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The région(s) Guichet serves; the referential is loaded for these only. */
export const REGION_CODES = ['53'];

interface RawCommune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  region: string;
  codesPostaux?: string[];
  population?: number;
}
interface RawEpci {
  code: string;
  nom: string;
  type: string;
  populationTotale?: number;
  membres: Array<{ code: string }>;
}

export interface Referential {
  version: string;
  regions: Array<{ code: string; name: string }>;
  departements: Array<{ code: string; name: string; region_code: string }>;
  epci: Array<{ code: string; name: string; kind: string; population: number | null }>;
  communes: Array<{
    code: string;
    name: string;
    departement_code: string;
    region_code: string;
    epci_code: string | null;
    postal_codes: string[];
    population: number | null;
  }>;
}

/** Reads the official COG data shipped in @etalab/decoupage-administratif (no download). */
export function readReferential(regionCodes = REGION_CODES): Referential {
  const pkg = require('@etalab/decoupage-administratif/package.json') as { version: string };
  const regions = (require('@etalab/decoupage-administratif/data/regions.json') as Array<{ code: string; nom: string }>)
    .filter((r) => regionCodes.includes(r.code))
    .map((r) => ({ code: r.code, name: r.nom }));
  const departements = (require('@etalab/decoupage-administratif/data/departements.json') as Array<{ code: string; nom: string; region: string }>)
    .filter((d) => regionCodes.includes(d.region))
    .map((d) => ({ code: d.code, name: d.nom, region_code: d.region }));
  const rawCommunes = (require('@etalab/decoupage-administratif/data/communes.json') as RawCommune[]).filter(
    (c) => c.type === 'commune-actuelle' && regionCodes.includes(c.region),
  );
  const communeCodes = new Set(rawCommunes.map((c) => c.code));
  const epciOfCommune = new Map<string, string>();
  const epci = (require('@etalab/decoupage-administratif/data/epci.json') as RawEpci[])
    .filter((e) => e.membres.some((m) => communeCodes.has(m.code)))
    .map((e) => {
      for (const member of e.membres) epciOfCommune.set(member.code, e.code);
      return { code: e.code, name: e.nom, kind: e.type, population: e.populationTotale ?? null };
    });
  const communes = rawCommunes.map((c) => ({
    code: c.code,
    name: c.nom,
    departement_code: c.departement,
    region_code: c.region,
    epci_code: epciOfCommune.get(c.code) ?? null,
    postal_codes: c.codesPostaux ?? [],
    population: c.population ?? null,
  }));
  return { version: `${pkg.version}:${regionCodes.join(',')}`, regions, departements, epci, communes };
}
