/**
 * What an organisation does, in plain words, with the NAF code (INSEE's nomenclature d'activités
 * française, rév. 2) behind each choice: the 21 sections as families, their 88 divisions as
 * activities; divisions 93 (sport, leisure) and 94 (associations, unions…) are split into their
 * classes, since that is where associations differ and where aids' conditions look. A person picks
 * an activity; the code is what the engine and the aids' conditions compare.
 */
export interface NafActivity {
  /** A division (« 10 ») or a sub-class (« 94.99Z »). */
  code: string;
  label: string;
}
export interface NafFamily {
  section: string;
  label: string;
  activities: NafActivity[];
}

const a = (code: string, label: string): NafActivity => ({ code, label });

export const NAF_FAMILIES: NafFamily[] = [
  { section: 'A', label: 'Agriculture, forêt et pêche', activities: [a('01', 'Culture et élevage'), a('02', 'Forêt et exploitation du bois'), a('03', 'Pêche et aquaculture')] },
  {
    section: 'B',
    label: 'Mines et carrières',
    activities: [a('05', 'Extraction de charbon'), a('06', 'Extraction de pétrole et de gaz'), a('07', 'Extraction de minerais métalliques'), a('08', 'Carrières, sable, argile et autres extractions'), a('09', 'Services aux mines et carrières')],
  },
  {
    section: 'C',
    label: 'Industrie et fabrication',
    activities: [
      a('10', 'Industrie alimentaire (boulangerie industrielle, conserverie, laiterie…)'),
      a('11', 'Fabrication de boissons'),
      a('12', 'Fabrication de produits du tabac'),
      a('13', 'Fabrication de textiles'),
      a('14', 'Fabrication de vêtements'),
      a('15', 'Cuir et chaussures'),
      a('16', 'Travail du bois (hors meubles)'),
      a('17', 'Papier et carton'),
      a('18', 'Imprimerie et reproduction'),
      a('19', 'Raffinage du pétrole'),
      a('20', 'Industrie chimique'),
      a('21', 'Industrie pharmaceutique'),
      a('22', 'Produits en caoutchouc et en plastique'),
      a('23', 'Verre, céramique, béton et autres matériaux'),
      a('24', 'Métallurgie'),
      a('25', 'Produits en métal (hors machines)'),
      a('26', 'Informatique, électronique et optique'),
      a('27', 'Équipements électriques'),
      a('28', 'Machines et équipements'),
      a('29', 'Automobile'),
      a('30', 'Navires, trains, avions et autres transports'),
      a('31', 'Meubles'),
      a('32', 'Autres fabrications (bijoux, jouets, instruments…)'),
      a('33', 'Réparation et installation de machines'),
    ],
  },
  { section: 'D', label: 'Énergie', activities: [a('35', 'Production et distribution d’électricité, de gaz ou de chaleur')] },
  {
    section: 'E',
    label: 'Eau, déchets et dépollution',
    activities: [a('36', 'Distribution d’eau'), a('37', 'Traitement des eaux usées'), a('38', 'Collecte, tri et recyclage des déchets'), a('39', 'Dépollution')],
  },
  { section: 'F', label: 'Construction', activities: [a('41', 'Construction de bâtiments'), a('42', 'Travaux publics'), a('43', 'Travaux du bâtiment (électricité, plomberie, maçonnerie, peinture…)')] },
  {
    section: 'G',
    label: 'Commerce',
    activities: [a('45', 'Vente et réparation de voitures et de motos'), a('46', 'Commerce de gros'), a('47', 'Commerce de détail (magasin, marché, vente en ligne…)')],
  },
  {
    section: 'H',
    label: 'Transports et logistique',
    activities: [a('49', 'Transport routier ou ferroviaire (taxi, car, déménagement…)'), a('50', 'Transport par bateau'), a('51', 'Transport aérien'), a('52', 'Entrepôts et services aux transports'), a('53', 'Poste et livraison de colis')],
  },
  { section: 'I', label: 'Hôtels, cafés et restaurants', activities: [a('55', 'Hébergement (hôtel, camping, gîte…)'), a('56', 'Restauration (restaurant, café, traiteur…)')] },
  {
    section: 'J',
    label: 'Information et communication',
    activities: [
      a('58', 'Édition (livres, journaux, logiciels)'),
      a('59', 'Cinéma, vidéo et musique enregistrée'),
      a('60', 'Radio et télévision'),
      a('61', 'Télécommunications'),
      a('62', 'Informatique (programmation, conseil)'),
      a('63', 'Services d’information (données, sites, agences de presse)'),
    ],
  },
  { section: 'K', label: 'Banque et assurance', activities: [a('64', 'Banque et services financiers'), a('65', 'Assurance'), a('66', 'Courtage et autres services de finance ou d’assurance')] },
  { section: 'L', label: 'Immobilier', activities: [a('68', 'Activités immobilières (agence, location, gestion)')] },
  {
    section: 'M',
    label: 'Conseil, études et activités techniques',
    activities: [
      a('69', 'Droit et comptabilité'),
      a('70', 'Conseil de gestion, sièges d’entreprises'),
      a('71', 'Architecture et ingénierie'),
      a('72', 'Recherche scientifique'),
      a('73', 'Publicité et études de marché'),
      a('74', 'Design, photographie, traduction et autres activités spécialisées'),
      a('75', 'Soins vétérinaires'),
    ],
  },
  {
    section: 'N',
    label: 'Services aux entreprises',
    activities: [
      a('77', 'Location (véhicules, matériel…)'),
      a('78', 'Emploi (intérim, recrutement)'),
      a('79', 'Agence de voyages'),
      a('80', 'Sécurité et surveillance'),
      a('81', 'Nettoyage, entretien des bâtiments et des espaces verts'),
      a('82', 'Secrétariat, centres d’appels et autres services aux entreprises'),
    ],
  },
  { section: 'O', label: 'Administration publique', activities: [a('84', 'Administration publique, défense et sécurité sociale')] },
  { section: 'P', label: 'Enseignement', activities: [a('85', 'Enseignement et formation')] },
  {
    section: 'Q',
    label: 'Santé et action sociale',
    activities: [a('86', 'Santé (hôpital, cabinet médical, soins…)'), a('87', 'Hébergement médico-social (Ehpad, foyer…)'), a('88', 'Action sociale sans hébergement (aide à domicile, crèche, insertion…)')],
  },
  {
    section: 'R',
    label: 'Culture, sport et loisirs',
    activities: [
      a('90', 'Spectacle vivant et création artistique'),
      a('91', 'Bibliothèque, musée, patrimoine et nature'),
      a('92', 'Jeux d’argent'),
      a('93.11Z', 'Gestion d’équipements sportifs (stade, piscine…)'),
      a('93.12Z', 'Club de sport'),
      a('93.13Z', 'Salle de sport, remise en forme'),
      a('93.19Z', 'Autres activités sportives'),
      a('93.21Z', 'Parc d’attractions'),
      a('93.29Z', 'Autres loisirs'),
    ],
  },
  {
    section: 'S',
    label: 'Associations et autres services',
    activities: [
      a('94.11Z', 'Organisation patronale ou chambre consulaire'),
      a('94.12Z', 'Organisation professionnelle'),
      a('94.20Z', 'Syndicat de salariés'),
      a('94.91Z', 'Organisation religieuse'),
      a('94.92Z', 'Parti ou organisation politique'),
      a('94.99Z', 'Autre association (culture, loisirs, entraide, environnement…)'),
      a('95', 'Réparation d’ordinateurs et d’objets personnels'),
      a('96', 'Autres services aux personnes (coiffure, soins de beauté, pressing…)'),
    ],
  },
  { section: 'T', label: 'Particuliers employeurs', activities: [a('97', 'Particulier qui emploie du personnel à domicile'), a('98', 'Production des ménages pour leur propre usage')] },
  { section: 'U', label: 'Organisations internationales', activities: [a('99', 'Organisation ou organisme international')] },
];

const ALL = NAF_FAMILIES.flatMap((f) => f.activities);

const compact = (code: string) => code.toUpperCase().replace(/[\s.]/g, '');

/** The activity of the list a code is (or belongs to): the most precise one whose code starts it. */
export function nafActivity(code: string): NafActivity | undefined {
  const c = compact(code);
  const containing = ALL.filter((activity) => c.startsWith(compact(activity.code))).sort((x, y) => y.code.length - x.code.length)[0];
  if (containing) return containing;
  // A class given without its letter (93.12 for 93.12Z): the one activity it names.
  const within = ALL.filter((activity) => compact(activity.code).startsWith(c));
  return within.length === 1 ? within[0] : undefined;
}

/** An activity of the list, by its code exactly (what a form posts). */
export function nafListed(code: string): NafActivity | undefined {
  return ALL.find((activity) => activity.code === code);
}

/** A NAF code in words: « club de sport (93.12) »; a code outside the list: « code NAF 47.11 ». */
export function nafText(code: string): string {
  const activity = nafActivity(code);
  if (!activity) return `code NAF ${code}`;
  const label = `${activity.label.charAt(0).toLowerCase()}${activity.label.slice(1)}`;
  return `${label} (${code})`;
}

/**
 * Whether an organisation's activity (`code`, as precise as its choice in the list) is one of a
 * condition's (`wanted`, a prefix such as 93.12): true, false, or undefined when the choice is
 * broader than the condition (an industry for « 10.71 », the bakeries): Guichet cannot tell.
 */
export function nafMatches(code: string, wanted: string): boolean | undefined {
  const c = compact(code);
  const w = compact(wanted);
  if (c.startsWith(w)) return true;
  if (w.startsWith(c)) return undefined;
  return false;
}
