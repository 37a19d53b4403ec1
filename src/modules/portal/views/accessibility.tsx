import type { Tenant } from '../../../platform/db/tables';
import { DateText, telHref } from '../../../platform/views/components';

/** The day this statement was written; change it whenever the statement changes. */
export const ACCESSIBILITY_STATEMENT_DATE = '2026-11-24';

/** The pages checked by the automated tests (axe-core), listed in the statement. */
const CHECKED_PAGES = [
  'Accueil de la Région Bretagne',
  'Accueil d’une collectivité (département, intercommunalité, commune)',
  'Une page et une actualité d’une collectivité',
  'Plan du site et contact',
  'Trouver de l’aide près de chez moi (formulaire et résultats)',
  'Collectivités participantes',
  'Accessibilité, mentions légales, données personnelles, sources des données',
  'Connexion à l’espace agent et pages de l’espace agent',
  'Page d’erreur « page introuvable »',
];

/** Déclaration d'accessibilité, following the structure of the RGAA 4.1 model. */
export function AccessibilityStatement({ publisher, contactHref }: { publisher: Tenant; contactHref: string }) {
  return (
    <div class="prose">
      <p>
        La {publisher.name} s’engage à rendre ses sites internet, intranet, extranet et ses progiciels accessibles,
        conformément à l’article 47 de la loi n° 2005-102 du 11 février 2005.
      </p>
      <p>
        Cette déclaration d’accessibilité s’applique à <strong>Guichet</strong>, la plateforme des services publics
        en ligne de la {publisher.name} et des collectivités qui l’ont rejointe : les pages de la Région, les espaces
        des collectivités et l’espace agent.
      </p>

      <h2>État de conformité</h2>
      <p>
        Guichet est <strong>partiellement conforme</strong> avec le référentiel général d’amélioration de
        l’accessibilité (RGAA), version 4.1, en raison des non-conformités énumérées ci-dessous.
      </p>
      <p>
        Soyons clairs : <strong>aucun audit complet n’a encore été réalisé</strong>. Cet état repose sur des
        vérifications automatiques : à chaque modification du logiciel, nos tests ouvrent les pages dans un vrai
        navigateur et l’outil axe-core y cherche les erreurs des règles WCAG 2.1 de niveaux A et AA. Ces tests
        vérifient aussi que chaque page fonctionne sans JavaScript et se parcourt au clavier. Un outil automatique
        ne trouve pas toutes les erreurs : un audit par des personnes est prévu, et cette déclaration sera mise à
        jour avec son taux de conformité.
      </p>

      <h2>Résultats des tests</h2>
      <p>
        Nos tests exigent zéro erreur détectée par axe-core sur les pages listées plus bas : une modification du
        logiciel qui en ajoute une n’est pas acceptée. Aucun taux de conformité au RGAA ne peut être donné tant que
        l’audit n’a pas été fait.
      </p>

      <h2>Contenus non accessibles</h2>
      <h3>Non-conformités connues</h3>
      <ul>
        <li>
          Les critères qui demandent un jugement humain n’ont pas encore été vérifiés un par un : pertinence des
          alternatives des images, des titres et des intitulés de liens, ordre de lecture, clarté des textes.
        </li>
        <li>
          Les images publiées par les collectivités ont toujours une alternative textuelle (elle est obligatoire),
          mais sa pertinence dépend de la personne qui publie (critère 1.3).
        </li>
        <li>
          Les lieux d’aide viennent de données publiques : certaines adresses sont écrites en majuscules ou avec
          des abréviations (« PL » pour place), et certains horaires sont publiés tels quels, ce qui peut gêner la
          lecture par une synthèse vocale.
        </li>
        <li>Aucun test n’a encore été fait avec un lecteur d’écran (NVDA, JAWS, VoiceOver, TalkBack).</li>
      </ul>
      <h3>Dérogations pour charge disproportionnée</h3>
      <p>Aucune.</p>
      <h3>Contenus non soumis à l’obligation d’accessibilité</h3>
      <p>Aucun à ce jour.</p>

      <h2>Établissement de cette déclaration d’accessibilité</h2>
      <p>
        Cette déclaration a été établie le <DateText date={ACCESSIBILITY_STATEMENT_DATE} />.
      </p>
      <h3>Technologies utilisées pour la réalisation du site</h3>
      <ul>
        <li>HTML5</li>
        <li>CSS</li>
      </ul>
      <p>Le site n’utilise pas de JavaScript : toutes les pages et tous les formulaires fonctionnent sans lui.</p>
      <h3>Environnement de test</h3>
      <p>
        Les vérifications automatiques ont été faites avec le navigateur Chromium (version de Debian), piloté par
        Playwright, à la taille d’un écran d’ordinateur et à 320 pixels de large.
      </p>
      <h3>Outils pour évaluer l’accessibilité</h3>
      <ul>
        <li>axe-core, version 4 (règles WCAG 2.1 A et AA)</li>
        <li>Vérification de la navigation au clavier et du fonctionnement sans JavaScript par nos tests</li>
      </ul>
      <h3>Pages du site ayant fait l’objet de la vérification</h3>
      <ul>
        {CHECKED_PAGES.map((page) => (
          <li>{page}</li>
        ))}
      </ul>

      <h2>Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, vous pouvez contacter la {publisher.name} :
        nous vous indiquerons une autre façon d’y accéder, ou nous vous enverrons le contenu sous une autre forme.
      </p>
      <ul>
        <li>
          Par le <a href={contactHref}>formulaire de contact</a>
        </li>
        {publisher.contact_email ? (
          <li>
            Par courriel : <a href={`mailto:${publisher.contact_email}`}>{publisher.contact_email}</a>
          </li>
        ) : null}
        {publisher.contact_phone ? (
          <li>
            Par téléphone : <a href={telHref(publisher.contact_phone)}>{publisher.contact_phone}</a>
          </li>
        ) : null}
        {publisher.contact_address ? <li>Par courrier : {publisher.name}, {publisher.contact_address}</li> : null}
      </ul>

      <h2>Voies de recours</h2>
      <p>
        Cette procédure est à utiliser dans le cas suivant : vous avez signalé au responsable du site un défaut
        d’accessibilité qui vous empêche d’accéder à un contenu ou à un des services, et vous n’avez pas obtenu de
        réponse satisfaisante.
      </p>
      <ul>
        <li>
          Écrire un message au Défenseur des droits :{' '}
          <a href="https://formulaire.defenseurdesdroits.fr/">formulaire en ligne du Défenseur des droits</a>
        </li>
        <li>
          Contacter le délégué du Défenseur des droits dans votre région :{' '}
          <a href="https://www.defenseurdesdroits.fr/saisir/delegues">liste des délégués</a>
        </li>
        <li>
          Appeler le Défenseur des droits au <a href="tel:+33969390000">09 69 39 00 00</a> (prix d’un appel local)
        </li>
        <li>
          Envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse
          71120, 75342 Paris CEDEX 07
        </li>
      </ul>
    </div>
  );
}
