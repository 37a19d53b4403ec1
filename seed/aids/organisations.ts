/**
 * Aids for organisations (associations, communes, public bodies) that people in Bretagne run:
 * no open dataset of them was available offline, so Guichet transcribed the facts (who, for whom,
 * conditions, amounts, official pages) from the authorities' own pages; each aid names its page,
 * and seed/data/organisations/SOURCE.txt lists them with what to check again.
 */
import type { Aid, Condition } from '../../src/modules/aids/format';

/** When Guichet transcribed these pages. */
const TRANSCRIBED = '2026-11-25';
const SOURCE = 'Pages officielles des autorités (transcription Guichet)';

const association: Condition = { type: 'organisation', kinds: ['association'] };
const nonProfitOrPublic: Condition = { type: 'organisation', kinds: ['association', 'commune', 'etablissement_public'] };
const inRegion: Condition = { type: 'residence', level: 'region', codes: ['53'], names: ['Bretagne'] };
const inFinistere: Condition = { type: 'residence', level: 'departement', codes: ['29'], names: ['Finistère'] };
const inBrest: Condition = { type: 'residence', level: 'commune', codes: ['29019'], names: ['Brest'] };

const asked = (text: string, question: string): Condition => ({ type: 'text', text, question, origin: 'guichet:organisation' });
const info = (text: string): Condition => ({ type: 'text', text, origin: 'guichet:organisation', blocking: false });

const STATUTES = 'Les statuts de l’association, à jour';
const BUDGET = 'Le budget prévisionnel de l’année ou du projet';
const ACCOUNTS = 'Les derniers comptes approuvés et le rapport d’activité';
const RIB = 'Un relevé d’identité bancaire (RIB) au nom de l’association';

/** The fields that change from one aid to the next; the rest is the same for all nine. */
type Entry = Omit<Aid, 'audiences' | 'aid_types' | 'territory' | 'dates' | 'last_verified' | 'eligibility' | 'source'> &
  Partial<Pick<Aid, 'audiences' | 'aid_types' | 'territory'>> & { tenantId: string; conditions: Condition[]; reference: string; sourceUrl?: string };

function organisationAid({ tenantId, conditions, reference, sourceUrl, audiences, aid_types, territory, ...fields }: Entry): { aid: Aid; tenantId: string } {
  return {
    tenantId,
    aid: {
      ...fields,
      audiences: audiences ?? ['association'],
      aid_types: aid_types ?? ['subvention'],
      territory: territory ?? { scope: 'national' },
      dates: { permanent: true },
      last_verified: TRANSCRIBED,
      eligibility: { type: 'all', conditions },
      source: { dataset: SOURCE, reference, url: sourceUrl ?? fields.link },
    },
  };
}

export const ORGANISATION_AIDS: Array<{ aid: Aid; tenantId: string }> = [
  organisationAid({
    tenantId: 'bretagne',
    id: 'fdva-fonctionnement-innovation',
    name: 'Fonds pour le développement de la vie associative (FDVA) – fonctionnement et projets nouveaux',
    summary: 'L’État aide les associations de tous les secteurs à financer leur fonctionnement ou un projet nouveau pour les habitants. Les petites associations passent en priorité.',
    description:
      'Chaque année, le service de l’État de votre département (service départemental à la jeunesse, à l’engagement et aux sports) ouvre un appel à projets. La demande se fait en ligne sur Le Compte Asso. Un collège départemental donne son avis sur chaque dossier. Une subvention n’est jamais automatique ni reconduite d’office.',
    porteur: { name: 'État – Fonds pour le développement de la vie associative', kind: 'etat' },
    themes: ['vie_associative'],
    recurrence: 'annuelle',
    documents: [STATUTES, BUDGET, ACCOUNTS, RIB, 'Le numéro RNA et le numéro SIRET de l’association'],
    link: 'https://www.associations.gouv.fr/fdva.html',
    apply_url: 'https://lecompteasso.associations.gouv.fr/',
    conditions: [
      association,
      asked('Être déclarée au répertoire national des associations (numéro RNA) et avoir un numéro SIRET', 'Votre association a-t-elle un numéro RNA et un numéro SIRET ?'),
      asked(
        'Avoir un objet d’intérêt général, un fonctionnement démocratique et des comptes transparents (le « tronc commun d’agrément »)',
        'Votre association a-t-elle un objet d’intérêt général, un fonctionnement démocratique et des comptes transparents ?',
      ),
      info('Les associations de deux salariés au plus passent en priorité'),
      info('Déposer la demande sur Le Compte Asso pendant la campagne de votre département'),
    ],
    reference: 'associations.gouv.fr, page FDVA ; décret n° 2018-460 du 8 juin 2018',
  }),
  organisationAid({
    tenantId: 'bretagne',
    id: 'fdva-formation-benevoles',
    name: 'FDVA – formation des bénévoles',
    summary: 'L’État finance les formations que les associations organisent pour leurs bénévoles : gestion, comptabilité, accueil du public ou savoir-faire propre à l’activité.',
    description:
      'Les formations sont collectives et s’adressent aux bénévoles de l’association (dirigeants ou responsables d’activités). L’appel à projets est régional : en Bretagne, il est publié par la délégation régionale académique à la jeunesse, à l’engagement et aux sports. Les clubs sportifs passent par d’autres financements.',
    porteur: { name: 'État – Délégation régionale académique à la jeunesse, à l’engagement et aux sports de Bretagne', kind: 'etat' },
    themes: ['vie_associative', 'formation'],
    recurrence: 'annuelle',
    documents: [STATUTES, 'Le programme de chaque formation : sujet, durée, nombre de bénévoles', BUDGET, RIB],
    link: 'https://www.associations.gouv.fr/fdva.html',
    apply_url: 'https://lecompteasso.associations.gouv.fr/',
    conditions: [
      association,
      { type: 'not', condition: { type: 'organisation', naf: ['93.12'] } },
      info('Former des bénévoles, pas des salariés'),
    ],
    reference: 'associations.gouv.fr, page FDVA (volet formation des bénévoles)',
  }),
  organisationAid({
    tenantId: 'bretagne',
    id: 'service-civique-accueil-volontaire',
    name: 'Accueillir un ou une volontaire en Service civique',
    summary: 'Une association, une commune ou un établissement public peut accueillir des jeunes de 16 à 25 ans en mission d’intérêt général : l’État verse leur indemnité et aide à leur formation civique.',
    description:
      'Il faut un agrément de l’Agence du Service civique : le sien, celui d’une fédération dont l’association est membre, ou passer par un organisme qui met des volontaires à disposition. L’organisme d’accueil désigne un tuteur ou une tutrice et fait suivre au volontaire une formation civique et citoyenne, avec les premiers secours.',
    porteur: { name: 'État – Agence du Service civique', kind: 'etat' },
    audiences: ['association', 'commune'],
    themes: ['engagement', 'vie_associative'],
    aid_types: ['aide_en_nature', 'subvention'],
    amount: { min: 100, max: 150, unit: '€', period: 'once', note: 'par volontaire, pour sa formation civique et citoyenne (l’indemnité du volontaire est versée par l’État)' },
    recurrence: 'permanente',
    documents: [STATUTES, 'La description de la mission proposée', 'Le nom du tuteur ou de la tutrice'],
    link: 'https://www.service-civique.gouv.fr/',
    conditions: [
      nonProfitOrPublic,
      asked('Proposer une mission d’intérêt général (solidarité, environnement, sport, culture, éducation, santé, mémoire et citoyenneté…)', 'Votre organisation peut-elle proposer une mission d’intérêt général ?'),
      info('Pour une association : avoir au moins un an d’existence ; les associations cultuelles ou politiques ne peuvent pas être agréées'),
      info('Obtenir l’agrément de Service civique, ou passer par une fédération agréée'),
    ],
    reference: 'service-civique.gouv.fr ; décret n° 2012-310 du 6 mars 2012 (aide à la formation civique et citoyenne)',
  }),
  organisationAid({
    tenantId: 'bretagne',
    id: 'parcours-emploi-competences-employeur',
    name: 'Parcours emploi compétences (PEC) : aide à l’embauche pour les employeurs non marchands',
    summary: 'Une association, une commune ou un établissement public qui embauche une personne éloignée de l’emploi reçoit une aide de l’État sur le salaire, avec un tutorat et une formation.',
    description:
      'La personne est orientée par un conseiller de France Travail, de la Mission locale ou de Cap emploi. Le contrat dure le plus souvent de 9 à 12 mois. L’employeur nomme un tuteur ou une tutrice et s’engage à former la personne. Le taux de l’aide est fixé chaque année par le préfet de région.',
    porteur: { name: 'État et France Travail', kind: 'etat' },
    audiences: ['association', 'commune'],
    themes: ['emploi', 'vie_associative'],
    amount: { min: 30, max: 60, unit: '%', period: 'other', note: 'du Smic brut, selon l’arrêté du préfet de région' },
    recurrence: 'permanente',
    documents: ['La fiche de poste', 'Le nom du tuteur ou de la tutrice', 'Le plan de formation prévu'],
    link: 'https://travail-emploi.gouv.fr/',
    conditions: [
      nonProfitOrPublic,
      asked('Embaucher une personne sans emploi orientée par France Travail, la Mission locale ou Cap emploi', 'Allez-vous embaucher une personne orientée par France Travail, la Mission locale ou Cap emploi ?'),
      info('Nommer un tuteur ou une tutrice et permettre une formation pendant le contrat'),
    ],
    reference: 'ministère du Travail, parcours emploi compétences (code du travail, article L. 5134-20 et suivants)',
  }),
  organisationAid({
    tenantId: 'bretagne',
    id: 'dispositif-local-accompagnement',
    name: 'Dispositif local d’accompagnement (DLA)',
    summary: 'Un accompagnement gratuit pour les associations et les structures de l’économie sociale et solidaire qui ont des salariés : diagnostic, puis conseils d’experts pour consolider l’activité et les emplois.',
    description:
      'Un chargé ou une chargée de mission DLA fait d’abord un diagnostic avec la structure. Ensuite, des prestataires choisis et payés par le DLA l’accompagnent : modèle économique, stratégie, ressources humaines, partenariats. Il y a un DLA dans chaque département.',
    porteur: { name: 'État et Banque des Territoires', kind: 'etat' },
    audiences: ['association', 'entreprise'],
    themes: ['vie_associative', 'emploi'],
    aid_types: ['accompagnement'],
    recurrence: 'permanente',
    documents: [],
    link: 'https://www.info-dla.fr/',
    conditions: [
      { type: 'organisation', kinds: ['association', 'entreprise'], headcount_min: 1 },
      info('Pour une entreprise : être une structure de l’économie sociale et solidaire (coopérative, insertion par l’activité économique, entreprise adaptée ou agréée « ESUS »)'),
    ],
    reference: 'info-dla.fr ; ministère du Travail, page « Dispositif local d’accompagnement »',
  }),
  organisationAid({
    tenantId: 'bretagne',
    id: 'region-bretagne-emploi-associatif-interet-regional',
    name: 'Emploi associatif d’intérêt régional',
    summary: 'La Région Bretagne aide une association à créer un emploi durable pour un projet utile à toute la Bretagne : culture et langues de Bretagne, sport, santé, solidarité internationale…',
    description:
      'L’aide porte sur la création d’un poste durable, dans un domaine que la Région juge prioritaire. La demande se prépare avec le service de la Région qui suit ce domaine.',
    porteur: { name: 'Région Bretagne', kind: 'region', tenant_id: 'bretagne' },
    themes: ['emploi', 'vie_associative'],
    territory: { scope: 'local', areas: [{ level: 'region', code: '53', name: 'Bretagne' }] },
    recurrence: 'permanente',
    documents: [STATUTES, 'La fiche de poste et le contrat prévu', BUDGET, ACCOUNTS, RIB],
    link: 'https://www.bretagne.bzh/aides/',
    conditions: [
      association,
      inRegion,
      asked('Créer un emploi durable pour un projet d’intérêt régional', 'Votre association veut-elle créer un emploi durable pour un projet qui concerne toute la Bretagne ?'),
      info('Le domaine du projet doit faire partie des priorités de la Région (culture et langues de Bretagne, sport, santé, logement social, relations européennes, solidarité internationale…)'),
    ],
    reference: 'bretagne.bzh, guide des aides de la Région (aide à la création d’emplois associatifs d’intérêt régional)',
  }),
  organisationAid({
    tenantId: 'finistere',
    id: 'finistere-langue-bretonne-associations',
    name: 'Finistère : aide aux associations qui font vivre la langue bretonne',
    summary: 'Le Département du Finistère aide le fonctionnement des associations qui mènent des actions culturelles en breton ou pour son usage, y compris les radios associatives.',
    description:
      'L’aide dépend de l’activité de l’association en langue bretonne et de l’étendue de son action dans le département. Les cours de breton pour adultes relèvent d’autres aides. La demande se fait en ligne sur le portail des démarches du Département.',
    porteur: { name: 'Département du Finistère', kind: 'departement', tenant_id: 'finistere' },
    themes: ['culture_loisirs', 'vie_associative'],
    territory: { scope: 'local', areas: [{ level: 'departement', code: '29', name: 'Finistère' }] },
    recurrence: 'annuelle',
    documents: [STATUTES, 'Le bilan et le compte de résultat du dernier exercice', 'Le compte rendu d’utilisation de la dernière subvention', 'Le rapport d’activité et le procès-verbal de la dernière assemblée générale'],
    link: 'https://www.finistere.fr/index.php/A-votre-service/Brezhoneg-Langue-bretonne/Breton-Services-aux-professionnels-et-collectivites/Preservation-valorisation-et-transmission-de-la-langue-bretonne',
    conditions: [
      association,
      inFinistere,
      asked('Mener des actions qui font vivre le breton dans le Finistère, au-delà d’une seule commune', 'Votre association fait-elle vivre le breton dans le Finistère, au-delà d’une seule commune ?'),
      info('Les cours de breton pour adultes ne sont pas financés par cette aide'),
    ],
    reference: 'finistere.fr, « Préservation, valorisation et transmission de la langue bretonne »',
    sourceUrl: 'https://www.finistere.fr/',
  }),
  organisationAid({
    tenantId: 'brest',
    id: 'brest-subvention-associations',
    name: 'Ville de Brest : subvention aux associations brestoises',
    summary: 'La Ville de Brest soutient les associations qui agissent pour les Brestois et les Brestoises : une aide pour leur fonctionnement ou pour un projet.',
    description:
      'Les subventions sont votées par le conseil municipal ; elles ne sont ni automatiques ni reconduites d’office. Le service de la vie associative de la Ville aide à préparer la demande.',
    porteur: { name: 'Ville de Brest', kind: 'commune', tenant_id: 'brest' },
    contact: { url: 'https://www.brest.fr/' },
    themes: ['vie_associative'],
    territory: { scope: 'local', areas: [{ level: 'commune', code: '29019', name: 'Brest' }] },
    recurrence: 'annuelle',
    documents: [STATUTES, BUDGET, ACCOUNTS, RIB],
    link: 'https://www.brest.fr/',
    conditions: [
      association,
      inBrest,
      asked('Mener une activité d’intérêt local pour les habitants de Brest', 'Votre association agit-elle pour les habitants de Brest ?'),
    ],
    reference: 'brest.fr, vie associative',
  }),
  organisationAid({
    tenantId: 'brest',
    id: 'brest-solidarite-internationale',
    name: 'Ville de Brest : projets de solidarité internationale des associations',
    summary: 'La Ville de Brest aide les associations brestoises qui mènent un projet de développement ou d’éducation au développement avec un partenaire dans un autre pays.',
    description:
      'Le dossier est étudié par le service des relations internationales puis voté en conseil municipal. Après le projet, l’association rend compte de ce qu’elle a fait et de l’argent utilisé, et présente son projet au public.',
    porteur: { name: 'Ville de Brest', kind: 'commune', tenant_id: 'brest' },
    themes: ['international', 'vie_associative'],
    territory: { scope: 'local', areas: [{ level: 'commune', code: '29019', name: 'Brest' }] },
    recurrence: 'annuelle',
    documents: [STATUTES, 'La présentation du projet et du partenaire dans le pays', BUDGET, 'Le compte rendu de la subvention précédente de la Ville, s’il y en a eu une'],
    link: 'https://www.brest.fr/',
    conditions: [
      association,
      inBrest,
      asked('Avoir un partenaire local dans le pays où se passe le projet', 'Votre association a-t-elle un partenaire sur place, dans le pays du projet ?'),
      info('Chercher d’autres financements ou apporter une part de ses propres fonds'),
    ],
    reference: 'Ville de Brest, critères des subventions aux projets de solidarité internationale',
  }),
];
