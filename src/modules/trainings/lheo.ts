/**
 * LHEO 2.3 (« Langage harmonisé d'échange d'informations sur l'offre de formation », the Carif-Oref's
 * format) read into the model, and written from it. Element names are LHEO's (lheo > offres >
 * formation > action > session); what LHEO has no element for (places left, the « demo » mark, our
 * publics and financers CPF / Transitions Pro) travels in `<extras info="guichet">`.
 */
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { DEMO_MENTION, LHEO_FINANCERS, type Modality, type SessionState, type Training, type TrainingAction } from './model';

export const LHEO_NAMESPACE = 'http://lheo.gouv.fr/2.3';

const REPEATED = new Set(['formation', 'action', 'session', 'code-ROME', 'certification', 'organisme-financeur', 'code-public-vise', 'ligne', 'extras', 'extra', 'code-FORMACODE', 'code-NSF']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => REPEATED.has(name),
});

type Node = Record<string, unknown>;
export interface ParsedRecord {
  line: number;
  id: string;
  value?: Training;
  errors: Array<{ field: string; message: string }>;
}

const obj = (v: unknown): Node => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : {});
const list = (v: unknown): Node[] => (Array.isArray(v) ? v.map(obj) : v === undefined ? [] : [obj(v)]);
/** The text of an element (its `#text` when it has attributes). */
function text(v: unknown): string {
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim();
  if (v && typeof v === 'object' && '#text' in v) return String((v as Node)['#text']).trim();
  return '';
}
const orNull = (s: string) => (s ? s : null);
/** The texts of a repeated element (strings stay strings). */
const texts = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(text).filter(Boolean);
/** Placeholders of mandatory LHEO elements Guichet writes when it does not know (all zeros): not known. */
const known = (s: string) => (/^0+$/.test(s) ? '' : s);

/** `<extras info="guichet"><extra info="…">` values, by info. */
function extras(node: Node): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of list(node.extras)) for (const x of list(e.extra)) out.set(String(x['@info'] ?? ''), text(x));
  return out;
}

/** LHEO dates are AAAAMMJJ (« 00000000 »: not known). */
function lheoDate(s: string): string | null | 'bad' {
  if (!s || /^0+$/.test(s)) return null;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s);
  if (!m) return 'bad';
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? 'bad' : iso;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;
const MODALITIES: Record<string, Modality> = { '0': 'presentiel', '1': 'mixte', '2': 'distance' };
const STATES: Record<string, SessionState> = { '1': 'ouvert', '2': 'ferme', '3': 'suspendu' };

/** Who a training is for, in our words, from LHEO's free text `info-public-vise`. */
export function publicsFromText(info: string): string[] {
  const t = info.toLowerCase();
  const out: string[] = [];
  if (/emploi/.test(t)) out.push('demandeur_emploi');
  if (/salari/.test(t)) out.push('salarie');
  if (/jeune|16.{1,4}25/.test(t)) out.push('jeune');
  if (/handicap/.test(t)) out.push('personne_handicapee');
  return out.length ? out : ['tout_public'];
}

/** One `<formation>` into the model, with every error in French. */
function readFormation(f: Node, index: number, line: number, centre: (code: string) => { lat: number; lon: number } | undefined): ParsedRecord {
  const errors: ParsedRecord['errors'] = [];
  const err = (field: string, message: string) => errors.push({ field, message });
  const id = String(f['@numero'] ?? f['@id'] ?? '').trim();
  if (!id) err('formation', `La formation n° ${index + 1} n’a pas d’attribut « numero » : il donne son adresse stable sur Guichet.`);
  else if (!ID.test(id)) err('formation', 'L’attribut « numero » ne peut contenir que des lettres sans accent, des chiffres, « - », « _ » et « . » (80 au plus).');
  const title = text(f['intitule-formation']);
  if (!title) err('intitule-formation', 'L’intitulé de la formation est obligatoire.');
  const entry = text(f['code-niveau-entree']) || '0';
  if (!/^[0-8]$/.test(entry)) err('code-niveau-entree', 'Le niveau d’entrée est un code de 0 à 8 (table dict-niveaux).');
  const exit = text(f['code-niveau-sortie']);
  if (exit && !/^[0-8]$/.test(exit)) err('code-niveau-sortie', 'Le niveau de sortie est un code de 0 à 8 (table dict-niveaux).');
  const domain = obj(f['domaine-formation']);
  const romeCodes = [...new Set(texts(domain['code-ROME']).map((c) => c.toUpperCase()))];
  const badRome = romeCodes.find((c) => !/^[A-N]\d{4}$/.test(c));
  if (badRome) err('code-ROME', `« ${badRome} » n’est pas un code ROME (une lettre puis quatre chiffres, par exemple D1102).`);
  const certs = list(f.certification);
  const rncp = certs.map((c) => text(c['code-RNCP'])).find(Boolean) ?? '';
  const rs = certs.map((c) => text(c['code-RS'])).find(Boolean) ?? '';
  if (rncp && !/^(RNCP)?\d{1,6}$/i.test(rncp)) err('code-RNCP', 'Le code RNCP est un nombre, par exemple 35832.');
  if (rs && !/^(RS)?\d{1,6}$/i.test(rs)) err('code-RS', 'Le code RS est un nombre, par exemple 5062.');
  const url = text(f['url-formation']);
  if (url && !/^https?:\/\/\S+$/.test(url)) err('url-formation', 'L’adresse de la formation doit commencer par http:// ou https://.');
  const contact = obj(obj(f['contact-formation']).coordonnees);
  const org = obj(f['organisme-formation-responsable']);
  const siret = known(text(org['SIRET-organisme-formation']) || text(obj(org['SIRET-organisme-formation']).SIRET));
  const orgName = text(org['nom-organisme']) || text(org['raison-sociale']);
  if (!orgName) err('organisme-formation-responsable', 'Le nom de l’organisme responsable est obligatoire (nom-organisme).');
  if (siret && !/^\d{14}$/.test(siret.replace(/\s/g, ''))) err('SIRET', 'Le SIRET de l’organisme a 14 chiffres.');
  const orgId = String(org['@numero'] ?? '').trim() || (siret ? `siret-${siret.replace(/\s/g, '')}` : '');
  if (!orgId) err('organisme-formation-responsable', 'L’organisme a besoin d’un attribut « numero » ou d’un SIRET pour être reconnu d’un import à l’autre.');
  else if (!ID.test(orgId)) err('organisme-formation-responsable', 'L’attribut « numero » de l’organisme ne peut contenir que des lettres sans accent, des chiffres, « - », « _ » et « . ».');
  const orgCoords = obj(obj(org['coordonnees-organisme']).coordonnees);
  const orgContact = obj(obj(org['contact-organisme']).coordonnees);
  const fx = extras(f);

  const actionNodes = list(f.action);
  if (!actionNodes.length) err('action', 'Une formation a au moins une action (un lieu, des dates).');
  const actions: TrainingAction[] = actionNodes.map((a, ai) => {
    const where = `action n° ${ai + 1}`;
    const ax = extras(a);
    const aid = String(a['@numero'] ?? '').trim() || `${id}-a${ai + 1}`;
    if (!ID.test(aid)) err(where, 'L’attribut « numero » de l’action ne peut contenir que des lettres sans accent, des chiffres, « - », « _ » et « . ».');
    const modality = MODALITIES[text(a['modalites-enseignement']) || '0'];
    if (!modality) err(`${where}, modalites-enseignement`, 'Écrivez 0 (sur place), 1 (mixte) ou 2 (à distance).');
    const num = (name: string, label: string) => {
      const raw = text(a[name]).replace(',', '.').replace(/\s/g, '');
      if (!raw) return null;
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0 || n > 10_000_000) {
        err(`${where}, ${name}`, `${label} doit être un nombre positif.`);
        return null;
      }
      return Math.round(n);
    };
    const price = num('prix-total-TTC', 'Le prix total');
    const hours = num('nombre-heures-total', 'Le nombre d’heures');
    const companyHours = num('nombre-heures-entreprise', 'Le nombre d’heures en entreprise');
    const place = obj(obj(obj(a['lieu-de-formation']).coordonnees).adresse);
    const communeCode = text(place['code-INSEE-commune']) || null;
    if (communeCode && !/^\d[\dAB]\d{3}$/.test(communeCode)) err(`${where}, code-INSEE-commune`, 'Le code INSEE de la commune a 5 caractères, par exemple 56121.');
    const geo = obj(place.geolocalisation);
    let latitude = text(geo.latitude) ? Number(text(geo.latitude)) : null;
    let longitude = text(geo.longitude) ? Number(text(geo.longitude)) : null;
    if ((latitude !== null && !(Math.abs(latitude) <= 90)) || (longitude !== null && !(Math.abs(longitude) <= 180))) {
      err(`${where}, geolocalisation`, 'La latitude et la longitude sont des nombres en degrés, par exemple 47.75 et -3.37.');
      latitude = longitude = null;
    }
    if ((latitude === null || longitude === null) && communeCode) {
      const c = centre(communeCode);
      if (c) [latitude, longitude] = [c.lat, c.lon];
    }
    const commune = text(place.ville);
    if (modality !== 'distance' && !commune) err(`${where}, lieu-de-formation`, 'Le lieu de formation (ville) est obligatoire sauf à distance.');
    // Guichet's own list (with CPF, which LHEO's codes lack) when the file has it, else LHEO's financers.
    const ours = (ax.get('financements') ?? '').split(/[ ,]+/).filter(Boolean);
    const financers = ours.length ? ours : [...new Set(list(a['organisme-financeur']).map((o) => LHEO_FINANCERS[text(o['code-financeur'])] ?? 'autre'))];
    const publicText = text(a['info-public-vise']);
    const sessions = list(a.session).map((s, si) => {
      const sw = `${where}, session n° ${si + 1}`;
      const period = obj(s.periode);
      const start = lheoDate(text(period.debut));
      const end = lheoDate(text(period.fin));
      if (start === 'bad' || start === null) err(`${sw}, debut`, 'La date de début est obligatoire, au format AAAAMMJJ (par exemple 20270104).');
      if (end === 'bad' || end === null) err(`${sw}, fin`, 'La date de fin est obligatoire, au format AAAAMMJJ.');
      if (typeof start === 'string' && typeof end === 'string' && start !== 'bad' && end !== 'bad' && end < start) err(`${sw}, fin`, 'La date de fin est avant la date de début.');
      const enrol = lheoDate(text(obj(obj(s['periode-inscription']).periode).fin));
      if (enrol === 'bad') err(`${sw}, periode-inscription`, 'La date de fin des inscriptions est au format AAAAMMJJ.');
      const state = STATES[text(s['etat-recrutement']) || '1'];
      if (!state) err(`${sw}, etat-recrutement`, 'Écrivez 1 (ouvert), 2 (fermé) ou 3 (suspendu).');
      const placesRaw = extras(s).get('places-restantes') ?? '';
      if (placesRaw && !/^\d{1,5}$/.test(placesRaw)) err(`${sw}, places-restantes`, 'Le nombre de places restantes est un nombre entier.');
      const sid = String(s['@numero'] ?? '').trim() || `${aid}-s${si + 1}`;
      if (!ID.test(sid)) err(sw, 'L’attribut « numero » de la session ne peut contenir que des lettres sans accent, des chiffres, « - », « _ » et « . ».');
      return { id: sid, start: String(start), end: String(end), placesLeft: placesRaw ? Number(placesRaw) : null, state: state ?? 'ouvert', enrolUntil: enrol === 'bad' ? null : enrol };
    });
    if (!sessions.length) err(where, 'Une action a au moins une session (ses dates).');
    return {
      id: aid, modality: modality ?? 'presentiel', alternance: ax.get('alternance') === '1' || (companyHours ?? 0) > 0, hours, price,
      publics: (ax.get('publics') ?? '').split(/[ ,]+/).filter(Boolean).length ? (ax.get('publics') ?? '').split(/[ ,]+/).filter(Boolean) : publicsFromText(publicText),
      publicText, financers,
      place: { address: texts(place.ligne).join(', '), postalCode: text(place.codepostal), communeCode, commune, latitude, longitude },
      housing: text(a.hebergement), transport: text(a.transport), meals: text(a.restauration), sessions,
    };
  });
  if (errors.length) return { line, id, errors };
  return {
    line, id, errors,
    value: {
      id, title, objective: text(f['objectif-formation']), content: text(f['contenu-formation']), results: text(f['resultats-attendus']),
      entryLevel: Number(entry), exitLevel: exit ? Number(exit) : null, certifying: text(f.certifiante) === '1', rncp: orNull(rncp.replace(/^RNCP/i, '')), rs: orNull(rs.replace(/^RS/i, '')),
      url: orNull(url), contact: { name: orNull(text(contact.nom)), phone: orNull(text(contact.telfixe) || text(contact.portable)), email: orNull(text(contact.courriel)) },
      romeCodes, demo: ['oui', '1', 'true'].includes((fx.get('donnee-de-demonstration') ?? '').toLowerCase()),
      organisme: { id: orgId, name: orgName, siret: orNull(siret.replace(/\s/g, '')), activityNumber: orNull(known(text(org['numero-activite']))), phone: orNull(text(orgContact.telfixe) || text(orgCoords.telfixe)), email: orNull(text(orgContact.courriel) || text(orgCoords.courriel)), web: orNull(text(orgCoords.web)) },
      actions,
    },
  };
}

export type LheoFile = { ok: true; records: ParsedRecord[] } | { ok: false; error: string };

/** Reads a whole LHEO file; each `<formation>` is a line of the report (with its line in the file). */
export function parseLheo(xml: string, centre: (code: string) => { lat: number; lon: number } | undefined): LheoFile {
  const source = xml.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) return { ok: false, error: 'Le fichier contient une déclaration DOCTYPE ou ENTITY : elles ne sont pas acceptées.' };
  let doc: Node;
  try {
    doc = parser.parse(source, true) as Node;
  } catch (e) {
    return { ok: false, error: `Le fichier n’est pas du XML valide : ${(e as Error).message}.` };
  }
  const root = obj(doc.lheo);
  if (!doc.lheo) return { ok: false, error: 'Ce fichier n’est pas au format LHEO : son élément racine doit être <lheo>.' };
  const formations = list(obj(root.offres).formation);
  if (!formations.length) return { ok: false, error: 'Le fichier ne contient aucune formation (<offres><formation>…).' };
  const lines: number[] = [];
  const tag = /<(?:[\w-]+:)?formation[\s>]/g;
  for (let m = tag.exec(source); m; m = tag.exec(source)) lines.push(source.slice(0, m.index).split('\n').length);
  return { ok: true, records: formations.map((f, i) => readFormation(f, i, lines[i] ?? 0, centre)) };
}

const lheoDay = (iso: string | null) => (iso ? iso.replaceAll('-', '') : '00000000');
const FINANCER_CODES: Record<string, string> = { region: '2', france_travail: '4', opco: '16', agefiph: '7', etat: '11', personne: '10', transitions_pro: '17', autre: '0' };
const MODALITY_CODES: Record<Modality, string> = { presentiel: '0', mixte: '1', distance: '2' };
const STATE_CODES: Record<SessionState, string> = { ouvert: '1', ferme: '2', suspendu: '3' };
const extra = (info: string, value: string) => ({ '@info': info, '#text': value });

function formationXml(t: Training) {
  return {
    '@numero': t.id,
    'domaine-formation': { 'code-ROME': t.romeCodes },
    'intitule-formation': t.title,
    'objectif-formation': t.objective || t.title,
    'resultats-attendus': t.results || (t.certifying ? 'Certification' : 'Attestation de formation'),
    'contenu-formation': t.content || t.title,
    certifiante: t.certifying ? '1' : '0',
    'contact-formation': { coordonnees: { nom: t.contact.name ?? undefined, telfixe: t.contact.phone ?? undefined, courriel: t.contact.email ?? undefined } },
    'parcours-de-formation': '1',
    'code-niveau-entree': String(t.entryLevel),
    certification: t.rncp || t.rs ? [{ 'code-RNCP': t.rncp ?? undefined, 'code-RS': t.rs ?? undefined }] : undefined,
    'code-niveau-sortie': t.exitLevel === null ? undefined : String(t.exitLevel),
    'url-formation': t.url ?? undefined,
    action: t.actions.map((a) => ({
      '@numero': a.id,
      'rythme-formation': a.alternance ? 'En alternance' : 'Temps plein',
      'code-public-vise': [],
      'info-public-vise': a.publicText || undefined,
      'niveau-entree-obligatoire': '0',
      'modalites-alternance': a.alternance ? 'Alternance entre le centre et l’entreprise' : 'Sans objet',
      'modalites-enseignement': MODALITY_CODES[a.modality],
      'conditions-specifiques': 'Aucune',
      'prise-en-charge-frais-possible': a.financers.some((f) => f !== 'personne') ? '1' : '0',
      'lieu-de-formation': { coordonnees: { adresse: { ligne: [a.place.address || a.place.commune], codepostal: a.place.postalCode, ville: a.place.commune, 'code-INSEE-commune': a.place.communeCode ?? undefined, geolocalisation: a.place.latitude === null ? undefined : { latitude: a.place.latitude, longitude: a.place.longitude } } } },
      'modalites-entrees-sorties': '0',
      session: a.sessions.map((s) => ({
        '@numero': s.id,
        periode: { debut: lheoDay(s.start), fin: lheoDay(s.end) },
        'adresse-inscription': { adresse: { ligne: [a.place.address || a.place.commune], codepostal: a.place.postalCode, ville: a.place.commune } },
        'periode-inscription': s.enrolUntil ? { periode: { debut: '00000000', fin: lheoDay(s.enrolUntil) } } : undefined,
        'etat-recrutement': STATE_CODES[s.state],
        extras: s.placesLeft === null ? undefined : [{ '@info': 'guichet', extra: [extra('places-restantes', String(s.placesLeft))] }],
      })),
      restauration: a.meals || undefined,
      hebergement: a.housing || undefined,
      transport: a.transport || undefined,
      'prix-total-TTC': a.price === null ? undefined : String(a.price),
      'nombre-heures-total': a.hours === null ? undefined : String(a.hours),
      'organisme-financeur': a.financers.filter((f) => f !== 'cpf').map((f) => ({ 'code-financeur': FINANCER_CODES[f] ?? '0' })),
      extras: [{ '@info': 'guichet', extra: [extra('publics', a.publics.join(' ')), extra('financements', a.financers.join(' ')), extra('alternance', a.alternance ? '1' : '0')] }],
    })),
    'organisme-formation-responsable': {
      '@numero': t.organisme.id,
      'numero-activite': t.organisme.activityNumber ?? '00000000000',
      'SIRET-organisme-formation': { SIRET: t.organisme.siret ?? '00000000000000' },
      'nom-organisme': t.organisme.name,
      'raison-sociale': t.organisme.name,
      'coordonnees-organisme': { coordonnees: { web: t.organisme.web ?? undefined } },
      'contact-organisme': { coordonnees: { telfixe: t.organisme.phone ?? undefined, courriel: t.organisme.email ?? undefined } },
    },
    extras: t.demo ? [{ '@info': 'guichet', extra: [extra('donnee-de-demonstration', 'oui'), extra('mention', DEMO_MENTION)] }] : undefined,
  };
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true, processEntities: true });

/** The trainings as one LHEO 2.3 document. */
export function toLheo(trainings: Training[]): string {
  const body = builder.build({ lheo: { '@xmlns': LHEO_NAMESPACE, offres: { formation: trainings.map(formationXml) } } }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}
