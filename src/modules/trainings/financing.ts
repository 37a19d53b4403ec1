/**
 * What can pay for a training and for what it costs besides (transport, housing, equipment): the
 * published aids of the referential whose territory covers its place, by theme; the national
 * schemes that apply (CPF for a certification in RNCP or RS, Transitions Pro for employees);
 * and, for a signed-in person who asks, which of these aids they are likely eligible to.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { aidsDb, publishedOnThemes, residenceCodes } from '../aids';
import type { Training } from './model';

export interface AidRef {
  id: string;
  name: string;
}
export interface Financing {
  pay: AidRef[];
  transport: AidRef[];
  housing: AidRef[];
  equipment: AidRef[];
  schemes: Array<{ label: string; href: string; why: string }>;
}

const SHOWN = 6;

/** The residence codes of the training's first place (Bretagne as a whole when it is at a distance). */
export function placeCodes(t: Training): string[] {
  const code = t.actions.find((a) => a.place.communeCode)?.place.communeCode;
  return code ? residenceCodes({ commune: code, departement: code.slice(0, 2), region: '53' }) : ['FR', 'R53'];
}

export async function financingOf(db: Kysely<PlatformTables>, t: Training): Promise<Financing> {
  const aids = await publishedOnThemes(aidsDb(db), ['formation', 'mobilite', 'logement', 'etudes'], placeCodes(t));
  const ref = (a: { id: string; name: string }) => ({ id: a.id, name: a.name });
  // BAFA and stays abroad are trainings of their own, not a way to pay for this one.
  const pay = aids.filter((a) => a.themes.includes('formation') && !a.themes.some((x) => x === 'engagement' || x === 'international'));
  const transport = aids.filter((a) => a.themes.includes('mobilite') && !a.themes.includes('international'));
  const housing = aids.filter((a) => a.themes.includes('logement') && (a.themes.some((x) => x === 'etudes' || x === 'formation') || a.audiences.some((x) => x === 'apprenti' || x === 'jeune' || x === 'etudiant')));
  const equipment = aids.filter((a) => /équipement|matériel|ordinateur|outils/i.test(`${a.name} ${a.definition.summary ?? ''}`));
  const schemes: Financing['schemes'] = [];
  if (t.rncp || t.rs) {
    schemes.push({ label: 'Mon compte formation (CPF)', href: 'https://www.moncompteformation.gouv.fr/', why: 'Cette formation prépare une certification enregistrée : vos droits à la formation (CPF) peuvent la payer.' });
  }
  const forEmployees = t.actions.some((a) => a.publics.includes('salarie') || a.publics.includes('tout_public'));
  if (t.certifying && forEmployees) {
    schemes.push({ label: 'Transitions Pro Bretagne', href: 'https://www.transitionspro-bretagne.fr/', why: 'Si vous êtes salarié ou salariée et voulez changer de métier : le projet de transition professionnelle peut payer la formation et votre salaire.' });
  }
  if (t.actions.some((a) => a.financers.includes('france_travail'))) {
    schemes.push({ label: 'France Travail', href: 'https://www.francetravail.fr/candidat/en-formation.html', why: 'Si vous cherchez un emploi : votre conseiller ou conseillère peut financer cette formation.' });
  }
  return { pay: pay.slice(0, SHOWN).map(ref), transport: transport.slice(0, SHOWN).map(ref), housing: housing.slice(0, SHOWN).map(ref), equipment: equipment.slice(0, SHOWN).map(ref), schemes };
}
