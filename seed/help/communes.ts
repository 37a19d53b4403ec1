import { normalizeName } from './normalize';

export interface ReferentialCommune {
  code: string;
  name: string;
  departement_code: string;
  postal_codes: string[];
}

export interface ResolvedCommune {
  code: string | null;
  name: string;
  departement_code: string;
  /** A real postal code: the published one, or the commune's own when the data gave an INSEE code. */
  postal_code: string;
}

/**
 * Finds the official commune (COG) of a place from what the open data gives: an INSEE code, a
 * postal code (sometimes an INSEE code or a CEDEX code by mistake) and a commune name in capitals.
 */
export class CommuneIndex {
  private readonly byCode = new Map<string, ReferentialCommune>();
  private readonly byPostalCode = new Map<string, ReferentialCommune[]>();
  private readonly byName = new Map<string, ReferentialCommune[]>();

  constructor(communes: ReferentialCommune[]) {
    for (const commune of communes) {
      this.byCode.set(commune.code, commune);
      for (const postalCode of commune.postal_codes) push(this.byPostalCode, postalCode, commune);
      push(this.byName, compact(normalizeName(commune.name)), commune);
    }
  }

  get(code: string): ReferentialCommune | undefined {
    return this.byCode.get(code);
  }

  resolve(input: { inseeCode?: string | null; postalCode?: string | null; name?: string | null }): ResolvedCommune | null {
    const postalCode = (input.postalCode ?? '').trim();
    const name = normalizeName((input.name ?? '').replace(/\bcedex\b.*$/i, ''));
    const commune = this.find(input.inseeCode ?? null, postalCode, name);
    if (!commune) return null;
    const realPostalCode = commune.postal_codes.includes(postalCode)
      ? postalCode
      : commune.postal_codes.length === 1
        ? commune.postal_codes[0]!
        : postalCode || (commune.postal_codes[0] ?? '');
    return { code: commune.code, name: commune.name, departement_code: commune.departement_code, postal_code: realPostalCode };
  }

  private find(inseeCode: string | null, postalCode: string, name: string): ReferentialCommune | undefined {
    if (inseeCode && this.byCode.has(inseeCode)) return this.byCode.get(inseeCode);
    const byPostal = this.byPostalCode.get(postalCode) ?? [];
    if (byPostal.length === 1 && (!name || nameMatches(byPostal[0]!, name))) return byPostal[0];
    const named = byPostal.find((c) => nameMatches(c, name));
    if (named) return named;
    // The "postal code" is sometimes the commune's INSEE code.
    const asInsee = this.byCode.get(postalCode);
    if (asInsee && (!name || nameMatches(asInsee, name))) return asInsee;
    // Else the name, within the département the code points to.
    const homonyms = (this.byName.get(compact(name)) ?? []).filter((c) => !postalCode || c.departement_code === postalCode.slice(0, 2));
    if (homonyms.length === 1) return homonyms[0];
    if (byPostal.length === 1) return byPostal[0];
    // A commune merged since the data was published: "Lamballe" is now "Lamballe-Armor".
    const merged = byPostal.filter((c) => name && compact(normalizeName(c.name)).startsWith(compact(name)));
    return merged.length === 1 ? merged[0] : undefined;
  }
}

/** Names compared without spaces: "TOURC H", "Tourc'h" and "Tourch" are the same commune. */
function compact(normalized: string): string {
  return normalized.replace(/ /g, '');
}

function nameMatches(commune: ReferentialCommune, normalized: string): boolean {
  return compact(normalizeName(commune.name)) === compact(normalized);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
