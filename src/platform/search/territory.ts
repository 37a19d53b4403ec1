/**
 * The départements a search document lies in, for the « Territoire » facet (issue 13, point 4):
 * from its territory codes (`R53`, `D29`, `E<siren>`, `C<cog>`; `FR` is national, in no
 * département) and its commune. A région covers its départements, an EPCI those of its member
 * communes. Read from the official COG data of @etalab/decoupage-administratif (no download), the
 * EPCI file only when an EPCI code comes.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let departements: Map<string, { name: string; region: string }> | undefined;
let epciDepartements: Map<string, string[]> | undefined;

function departementsTable() {
  departements ??= new Map(
    (require('@etalab/decoupage-administratif/data/departements.json') as Array<{ code: string; nom: string; region: string }>).map((d) => [d.code, { name: d.nom, region: d.region }]),
  );
  return departements;
}

function epciTable() {
  epciDepartements ??= new Map(
    (require('@etalab/decoupage-administratif/data/epci.json') as Array<{ code: string; membres: Array<{ code: string }> }>).map((e) => [e.code, [...new Set(e.membres.map((m) => departementOfCommune(m.code)))]]),
  );
  return epciDepartements;
}

/** A commune's département from its COG code: « 29019 » → « 29 », « 2A004 » → « 2A », « 97411 » → « 974 ». */
export function departementOfCommune(code: string): string {
  return /^9[78]/.test(code) ? code.slice(0, 3) : code.slice(0, 2);
}

/** The codes of a territory at its level, as the index keeps them: `R53`, `D29`, `E<siren>`, `C<cog>`. */
export function territoryCode(level: 'region' | 'departement' | 'epci' | 'commune', code: string): string {
  return `${{ region: 'R', departement: 'D', epci: 'E', commune: 'C' }[level]}${code}`;
}

/** The départements of a document's territory codes and commune, sorted, without repeats. */
export function departementsOf(codes: string[], communeCode?: string | null): string[] {
  const found = new Set<string>();
  for (const code of codes) {
    const rest = code.slice(1);
    if (code.startsWith('R')) {
      for (const [d, { region }] of departementsTable()) if (region === rest) found.add(d);
    } else if (code.startsWith('D')) found.add(rest);
    else if (code.startsWith('C')) found.add(departementOfCommune(rest));
    else if (code.startsWith('E')) for (const d of epciTable().get(rest) ?? []) found.add(d);
  }
  if (communeCode) found.add(departementOfCommune(communeCode));
  return [...found].filter((d) => d !== '').sort();
}

/** « Finistère (29) »; the code itself when unknown. */
export function departementLabel(code: string): string {
  const name = departementsTable().get(code)?.name;
  return name ? `${name} (${code})` : code;
}
