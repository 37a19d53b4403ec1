import type { Tenant } from '../../../platform/db/tables';

interface Processing {
  title: string;
  data: string;
  purpose: string;
  basis: string;
  kept: string;
}

/** What Guichet processes today. Update this list whenever a capability adds personal data. */
const PROCESSINGS: Processing[] = [
  {
    title: 'Les comptes des agents des collectivités',
    data: 'nom affiché, adresse électronique, collectivités et rôle (lecteur, éditeur, administrateur), date de la dernière connexion. Le mot de passe n’est jamais enregistré : seule une empreinte (argon2id) est gardée, qui ne permet pas de le retrouver.',
    purpose: 'permettre aux agents de publier les contenus de leur collectivité et de gérer son espace.',
    basis: 'l’exécution d’une mission d’intérêt public (article 6.1.e du RGPD).',
    kept: 'tant que l’agent a un compte ; le compte est supprimé ou désactivé par l’administrateur de sa collectivité quand l’agent n’en a plus besoin.',
  },
  {
    title: 'Les sessions de connexion',
    data: 'un identifiant de session tiré au hasard, le compte connecté et le navigateur utilisé.',
    purpose: 'garder un agent connecté entre deux pages, et protéger les formulaires.',
    basis: 'l’exécution d’une mission d’intérêt public ; cookies strictement nécessaires.',
    kept: '8 heures au plus, ou jusqu’à la déconnexion.',
  },
  {
    title: 'Le journal des actions (journal d’audit)',
    data: 'qui a fait quoi et quand dans l’espace agent (connexions, publications, changements de droits), avec l’adresse IP.',
    purpose: 'la sécurité de la plateforme et la traçabilité des changements, exigées pour un service public.',
    basis: 'l’exécution d’une mission d’intérêt public et l’obligation de sécurité (article 32 du RGPD).',
    kept: 'durée à fixer par l’opérateur ; la CNIL recommande de 6 mois à 1 an. Guichet ne supprime pas encore ce journal automatiquement.',
  },
  {
    title: 'La protection contre les tentatives de connexion répétées',
    data: 'le nombre d’essais de connexion ratés, par compte et par adresse IP.',
    purpose: 'bloquer pendant quelques minutes les personnes qui essaient de deviner un mot de passe.',
    basis: 'l’obligation de sécurité (article 32 du RGPD).',
    kept: '15 minutes.',
  },
];

/** The personal data page: what is processed, why, how long, and the person's rights. */
export function PersonalData({ publisher, contactHref }: { publisher: Tenant; contactHref: string }) {
  return (
    <div class="prose">
      <p class="lead">
        Guichet traite le moins possible de données personnelles. Aujourd’hui, seules les données des agents des
        collectivités sont enregistrées. Vous pouvez consulter les pages et chercher un lieu d’aide sans compte et
        sans donner votre nom.
      </p>

      <h2>Qui est responsable de vos données ?</h2>
      <p>
        La <strong>{publisher.name}</strong>, qui édite Guichet, est responsable des traitements décrits ici. Chaque
        collectivité présente sur Guichet est responsable des données qu’elle publie dans son espace.
      </p>

      <h2>Quelles données, pourquoi, et pour combien de temps ?</h2>
      {PROCESSINGS.map((p) => (
        <section>
          <h3>{p.title}</h3>
          <ul>
            <li>Données : {p.data}</li>
            <li>Pour : {p.purpose}</li>
            <li>Base légale : {p.basis}</li>
            <li>Durée de conservation : {p.kept}</li>
          </ul>
        </section>
      ))}
      <p>
        Les journaux techniques du serveur (page demandée, heure, adresse IP, code de réponse) servent à corriger les
        pannes ; ils ne contiennent ni mot de passe ni cookie, et leur durée de conservation est fixée par
        l’opérateur de la plateforme. Aucune donnée n’est vendue, ni transmise à des fins publicitaires.
      </p>

      <h2>Cookies</h2>
      <p>
        Guichet n’utilise <strong>aucun cookie de suivi</strong>, de publicité ou de mesure d’audience, et aucun
        service d’un autre site n’est chargé dans les pages. Il ne dépose que des cookies strictement nécessaires :
      </p>
      <ul>
        <li>
          <code>guichet_session</code> : garde un agent connecté (il n’existe que si vous vous connectez à l’espace
          agent ; 8 heures au plus) ;
        </li>
        <li>
          <code>guichet_csrf</code> : protège les formulaires contre l’envoi par un autre site (durée de la visite).
        </li>
      </ul>
      <p>
        Ces cookies sont dispensés de consentement (article 82 de la loi Informatique et Libertés) : c’est pourquoi
        Guichet n’affiche pas de bandeau de cookies.
      </p>

      <h2>Vos droits</h2>
      <p>
        Selon le règlement général sur la protection des données (RGPD) et la loi Informatique et Libertés, vous
        pouvez :
      </p>
      <ul>
        <li>savoir quelles données vous concernent et en obtenir une copie (droit d’accès) ;</li>
        <li>faire corriger des données fausses (droit de rectification) ;</li>
        <li>faire effacer vos données quand elles ne sont plus nécessaires (droit à l’effacement) ;</li>
        <li>faire suspendre l’utilisation de vos données (droit à la limitation) ;</li>
        <li>vous opposer à l’utilisation de vos données, pour des raisons tenant à votre situation (droit d’opposition).</li>
      </ul>
      <h3>Comment exercer vos droits ?</h3>
      <p>
        Écrivez au délégué à la protection des données (DPD) de la {publisher.name} :
      </p>
      <ul>
        <li>
          par le <a href={contactHref}>formulaire de contact</a>, en choisissant ou en écrivant « Données personnelles » ;
        </li>
        {publisher.contact_address ? (
          <li>
            par courrier : Délégué à la protection des données, {publisher.name}, {publisher.contact_address}.
          </li>
        ) : null}
      </ul>
      <p>Nous vous répondons dans un délai d’un mois. Nous pouvons vous demander de prouver votre identité.</p>

      <h3>Réclamation auprès de la CNIL</h3>
      <p>
        Si vous pensez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez adresser une
        réclamation à la Commission nationale de l’informatique et des libertés (CNIL) :{' '}
        <a href="https://www.cnil.fr/fr/adresser-une-plainte">en ligne sur le site de la CNIL</a>, ou par courrier :
        CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris CEDEX 07.
      </p>

      <h2>Et demain ?</h2>
      <p>
        Quand Guichet proposera un compte aux habitants (avec FranceConnect), des démarches et des demandes d’aides,
        cette page dira quelles données sont utilisées, par qui, et comment les voir, les télécharger ou les
        supprimer. Aucune utilisation ne se fera sans votre accord explicite.
      </p>
    </div>
  );
}
