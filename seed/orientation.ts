/**
 * Loads the jobs of ROME 4.0 (France Travail, version 460) from the open data copied in
 * seed/data/rome/ (see its SOURCE.txt) into the orientation tables: fiches with their ROME 3
 * domains, appellations, definition and « accès » sentences, mobility links, centres d'intérêt.
 * Used by the seed and by `npm run reindex`; nothing is downloaded at run time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Insertable, Kysely } from 'kysely';
import type { OrientationTables } from '../src/modules/orientation';
import type { PlatformTables } from '../src/platform/db/tables';

export const ROME_DIR = join(import.meta.dirname, 'data', 'rome');

type Row = Record<string, string>;

function csv(file: string): Row[] {
  return parse(readFileSync(join(ROME_DIR, file), 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
}

/** « O » yes, « N » no, empty: not said. */
function mark(value: string | undefined): boolean | null {
  return value === 'O' ? true : value === 'N' ? false : null;
}

/** The texts file doubles its apostrophes (« d''hygiène »), an export's SQL escaping: undone. */
function tidy(text: string): string {
  return text.replace(/''/g, "'").replace(/\s+/g, ' ').trim();
}

export interface RomeData {
  domains: Array<Insertable<OrientationTables['orientation_domains']>>;
  fiches: Array<Insertable<OrientationTables['orientation_fiches']>>;
  appellations: Array<Insertable<OrientationTables['orientation_appellations']>>;
  texts: Array<Insertable<OrientationTables['orientation_texts']>>;
  mobilities: Array<Insertable<OrientationTables['orientation_mobilities']>>;
  interests: Array<Insertable<OrientationTables['orientation_interests']>>;
  interestFiches: Array<Insertable<OrientationTables['orientation_interest_fiches']>>;
}

export function readRome(): RomeData {
  const ficheRows = csv('rome_v4_fiches.csv');
  const domains = new Map<string, RomeData['domains'][number]>();
  for (const f of ficheRows) {
    domains.set(f.code_domaine_professionnel!, {
      code: f.code_domaine_professionnel!,
      label: f.libelle_domaine_professionnel!,
      grand_domain_code: f.code_grand_domaine!,
      grand_domain_label: f.libelle_grand_domaine!,
    });
  }
  const fiches = ficheRows.map((f) => ({
    code: f.code_rome!,
    label: f.libelle_rome!,
    domain_code: f.code_domaine_professionnel!,
    parent_code: f.code_rome_parent || f.code_rome!,
    regulated: mark(f.emploi_reglemente),
    executive: mark(f.emploi_cadre),
  }));
  const known = new Set(fiches.map((f) => f.code));
  const appellations = csv('unix_referentiel_appellation_v460_utf8.csv')
    .filter((a) => known.has(a.code_rome!))
    .map((a) => ({
      ogr_code: a.code_ogr!,
      long_label: a.libelle_appellation_long!.trim(),
      short_label: a.libelle_appellation_court!.trim(),
      fiche_code: a.code_rome!,
      classification: a.classification === 'PRINCIPALE' ? ('principale' as const) : ('synonyme' as const),
      rare: a.peu_usite === 'O',
    }));
  const texts = csv('unix_texte_v460_utf8.csv')
    .filter((t) => known.has(t.code_rome!) && (t.libelle_type_texte === 'definition' || t.libelle_type_texte === 'acces_metier'))
    .map((t) => ({
      fiche_code: t.code_rome!,
      kind: t.libelle_type_texte === 'definition' ? ('definition' as const) : ('acces' as const),
      position: Number(t.position_phrase),
      text: tidy(t.libelle_texte!),
    }))
    .filter((t) => t.text !== '');
  const mobilities = csv('unix_rubrique_mobilite_v460_utf8.csv')
    .filter((m) => known.has(m.code_rome!) && known.has(m.code_rome_cible!) && m.code_rome !== m.code_rome_cible)
    .map((m) => ({ fiche_code: m.code_rome!, target_code: m.code_rome_cible!, position: Number(m.numero_ordre) }));
  const interests = csv('unix_centre_interet_v460_utf8.csv').map((i) => ({
    code: Number(i.code_centre_interet),
    label: tidy(i.libelle_centre_interet!),
    // Paragraphs are kept (blank lines), the rest of the spacing tidied.
    definition: i.definition_centre_interet!.split(/\n\s*\n/).map(tidy).filter(Boolean).join('\n\n'),
  }));
  const interestFiches = csv('unix_arborescence_centre_interet_v460_utf8.csv')
    .filter((r) => known.has(r.code_rome!))
    .map((r) => ({ interest_code: Number(r.code_centre_interet), fiche_code: r.code_rome!, principal: r.principal === 'oui' }));
  return { domains: [...domains.values()], fiches, appellations, texts, mobilities, interests, interestFiches };
}

/**
 * Writes the jobs: all of them when the tables are empty or `replace` is set (npm run reindex
 * refreshes them from the copy), else nothing. Returns true when it wrote rows. The editorial
 * notes of counsellors are not touched (they name a fiche by its code).
 */
export async function seedOrientation(platformDb: Kysely<PlatformTables>, options: { replace?: boolean } = {}): Promise<boolean> {
  const db = platformDb.withTables<OrientationTables>();
  const present = await db.selectFrom('orientation_fiches').select('code').limit(1).executeTakeFirst();
  if (present && !options.replace) return false;
  const data = readRome();
  await db.transaction().execute(async (trx) => {
    for (const table of ['orientation_interest_fiches', 'orientation_interests', 'orientation_mobilities', 'orientation_texts', 'orientation_appellations', 'orientation_fiches', 'orientation_domains'] as const) {
      await trx.deleteFrom(table).execute();
    }
    const insert = async <T extends keyof OrientationTables>(table: T, rows: Array<Insertable<OrientationTables[T]>>) => {
      for (let i = 0; i < rows.length; i += 1000) await trx.insertInto(table).values(rows.slice(i, i + 1000) as never).execute();
    };
    await insert('orientation_domains', data.domains);
    await insert('orientation_fiches', data.fiches);
    await insert('orientation_appellations', data.appellations);
    await insert('orientation_texts', data.texts);
    await insert('orientation_mobilities', data.mobilities);
    await insert('orientation_interests', data.interests);
    await insert('orientation_interest_fiches', data.interestFiches);
  });
  return true;
}
