/**
 * The person's copy as a page to read (« Mes données » › the readable version): the same content
 * as the JSON file, laid out as headings and lists, French dates and numbers, in one standalone
 * HTML file (no style sheet, no script, no outside resource) that any browser opens offline.
 * Every value is escaped.
 */
import { formatDateTime, formatNumber } from '../../platform/views/format';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The keys whose words need their accents back (the JSON keys are French words in camel case, unaccented). */
const ACCENTED: Record<string, string> = {
  adresseElectronique: 'Adresse électronique',
  creeLe: 'Créé le',
  creeeLe: 'Créée le',
  derniereConnexion: 'Dernière connexion',
  desactiveLe: 'Désactivé le',
  rolesAgent: 'Rôles d’agent',
  collectivite: 'Collectivité',
  etat: 'État',
  deposeeLe: 'Déposée le',
  decideeLe: 'Décidée le',
  montantAccorde: 'Montant accordé',
  motivationDeLaDecision: 'Motivation de la décision',
  reponses: 'Réponses',
  provenanceDesReponses: 'Provenance des réponses',
  pieces: 'Pièces',
  piecesDemandees: 'Pièces demandées',
  etapes: 'Étapes',
  envoyeeLe: 'Envoyée le',
  telecharger: 'Adresse pour la télécharger',
  empreinteSha256: 'Empreinte (SHA-256)',
  nonInclus: 'Ce que la copie ne contient pas, et pourquoi',
  demandes: 'Demandes d’aide',
};

/** « adresseElectronique » → « Adresse électronique »; an unknown key is split into words. */
export function keyLabel(key: string): string {
  if (Object.hasOwn(ACCENTED, key)) return ACCENTED[key]!;
  const words = key.replace(/([a-zà-ÿ0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLocaleLowerCase('fr');
  return words.charAt(0).toLocaleUpperCase('fr') + words.slice(1);
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function value(item: unknown, depth: number): string {
  if (item === null || item === undefined || item === '') return '<em>vide</em>';
  if (item instanceof Date) return escape(formatDateTime(item));
  if (typeof item === 'boolean') return item ? 'oui' : 'non';
  if (typeof item === 'number') return escape(formatNumber(item));
  if (typeof item === 'string') return ISO_TIME.test(item) && !Number.isNaN(Date.parse(item)) ? escape(formatDateTime(new Date(item))) : escape(item);
  if (Array.isArray(item)) {
    if (item.length === 0) return '<em>aucun élément</em>';
    return `<ol>${item.map((entry) => `<li>${value(entry, depth + 1)}</li>`).join('')}</ol>`;
  }
  const entries = Object.entries(item as Record<string, unknown>);
  if (entries.length === 0) return '<em>vide</em>';
  return `<dl>${entries.map(([k, v]) => `<dt>${escape(keyLabel(k))}</dt><dd>${value(v, depth + 1)}</dd>`).join('')}</dl>`;
}

/** The whole copy as one HTML document. */
export function myDataHtml(file: Record<string, unknown>, producedAt: Date): string {
  const { produitPar: _by, produitLe: _at, aSavoir, ...parts } = file;
  const sections = Object.entries(parts)
    .map(([key, part]) => `<section><h2>${escape(keyLabel(key))}</h2>${value(part, 0)}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Mes données sur Guichet, le ${escape(formatDateTime(producedAt))}</title></head>
<body>
<main>
<h1>Mes données sur Guichet</h1>
<p>Copie faite le ${escape(formatDateTime(producedAt))}. ${escape(String(aSavoir ?? ''))}</p>
${sections}
</main>
</body>
</html>
`;
}
