/**
 * The départements a search document lies in, for the « Territoire » facet (issue 13, point 4):
 * from its territory codes (`R53`, `D29`, `E<siren>`, `C<cog>`; `FR` is national, in no
 * département) and its commune. A région covers its départements, an EPCI those of its member
 * communes. The EPCI level (the « Intercommunalité » facet) is kept apart: `epciKeysOf`. Read from the official COG data of @etalab/decoupage-administratif (no download), the
 * EPCI file only when an EPCI code comes.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let departements: Map<string, { name: string; region: string }> | undefined;
let epcis: { departements: Map<string, string[]>; names: Map<string, string>; ofCommune: Map<string, string>; inDepartement: Map<string, string[]> } | undefined;

function departementsTable() {
  departements ??= new Map(
    (require('@etalab/decoupage-administratif/data/departements.json') as Array<{ code: string; nom: string; region: string }>).map((d) => [d.code, { name: d.nom, region: d.region }]),
  );
  return departements;
}

function epciData() {
  if (!epcis) {
    const raw = require('@etalab/decoupage-administratif/data/epci.json') as Array<{ code: string; nom: string; membres: Array<{ code: string }> }>;
    const data = { departements: new Map<string, string[]>(), names: new Map<string, string>(), ofCommune: new Map<string, string>(), inDepartement: new Map<string, string[]>() };
    for (const e of raw) {
      const deps = [...new Set(e.membres.map((m) => departementOfCommune(m.code)))].sort();
      data.departements.set(e.code, deps);
      data.names.set(e.code, e.nom);
      for (const m of e.membres) data.ofCommune.set(m.code, e.code);
      for (const d of deps) data.inDepartement.set(d, [...(data.inDepartement.get(d) ?? []), e.code]);
    }
    epcis = data;
  }
  return epcis;
}

function epciTable() {
  return epciData().departements;
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

/**
 * The keys of a document for the « Intercommunalité » facet (column `epcis`, migration 0223): the
 * SIREN of each EPCI it lies in or applies to (its EPCI codes, the EPCI of its communes and of its
 * place), and `D<code>` for each département it covers whole (a région's or a département's
 * object applies in every EPCI there, without listing them: see `epciFilterKeys`).
 */
export function epciKeysOf(codes: string[], communeCode?: string | null): string[] {
  const found = new Set<string>();
  const ofCommune = (code: string) => epciData().ofCommune.get(code);
  for (const code of codes) {
    const rest = code.slice(1);
    if (code.startsWith('R')) {
      for (const [d, { region }] of departementsTable()) if (region === rest) found.add(`D${d}`);
    } else if (code.startsWith('D')) found.add(`D${rest}`);
    else if (code.startsWith('E')) found.add(rest);
    else if (code.startsWith('C')) {
      const epci = ofCommune(rest);
      if (epci) found.add(epci);
    }
  }
  const own = communeCode ? ofCommune(communeCode) : undefined;
  if (own) found.add(own);
  return [...found].sort();
}

/** The keys a document's `epcis` has when it applies in the EPCI: the EPCI, or one of its départements as a whole. */
export function epciFilterKeys(siren: string): string[] {
  return [siren, ...(epciData().departements.get(siren) ?? []).map((d) => `D${d}`)];
}

/** The EPCI with at least one member commune in the département, by SIREN. */
export function epcisOfDepartement(departement: string): string[] {
  return epciData().inDepartement.get(departement) ?? [];
}

/** The départements of an EPCI's member communes. */
export function departementsOfEpci(siren: string): string[] {
  return epciData().departements.get(siren) ?? [];
}

/** The EPCI of a commune (COG code), if any. */
export function epciOfCommune(code: string): string | undefined {
  return epciData().ofCommune.get(code);
}

/** « CA Quimper Bretagne Occidentale »; the SIREN itself when unknown. */
export function epciLabel(siren: string): string {
  return epciData().names.get(siren) ?? siren;
}

/** « Finistère (29) »; the code itself when unknown. */
export function departementLabel(code: string): string {
  const name = departementsTable().get(code)?.name;
  return name ? `${name} (${code})` : code;
}
