import type { Tenant } from '../../../platform/db/tables';
import { concernedLabels, legalBasisLabels, type Concerned, type PersonalDataRegister, type Processing } from '../../../platform/personal-data';

const ORDER: Concerned[] = ['personnes', 'demandeurs', 'visiteurs', 'agents'];

/** One processing: a heading and one list (few elements: the page stays within the DOM budget). */
function ProcessingEntry({ p }: { p: Processing }) {
  return (
    <>
      <h4 id={p.id}>{p.title}</h4>
      <ul class="register">
        <li>
          Quelles données : {p.data} (pour les spécialistes : tables {p.tables.join(', ')})
        </li>
        <li>
          Pour quoi faire : {p.purpose} Ce qui nous y autorise : {legalBasisLabels[p.basis]}
          {p.basisDetail ? ` : ${p.basisDetail}` : ''}.
        </li>
        <li>
          Conservé : {p.kept} En pratique : {p.enforced}
        </li>
        <li>Qui les voit : {p.recipients}</li>
      </ul>
    </>
  );
}

/** The personal data page, rendered from the register every module declares (platform/personal-data.ts). */
export function PersonalData({ publisher, contactHref, register }: { publisher: Tenant; contactHref: string; register: PersonalDataRegister }) {
  return (
    <div class="prose">
      <p class="lead">
        Vous pouvez lire les pages, chercher une aide, faire le simulateur et trouver un lieu d’aide sans compte et
        sans donner votre nom. Guichet garde des données sur vous seulement si vous créez un compte, si vous faites une
        demande, ou si vous êtes agent d’une collectivité. Cette page dit tout ce qui est gardé, pourquoi, et combien
        de temps.
      </p>

      <h2>Qui est responsable de vos données ?</h2>
      <p>
        La <strong>{publisher.name}</strong>, qui édite Guichet, est responsable des données des comptes. Pour une
        demande d’aide, la collectivité qui propose l’aide est aussi responsable des données de la demande.
      </p>

      <h2>Quelles données, pourquoi, et combien de temps ?</h2>
      {ORDER.map((concerned) => {
        const list = register.processings.filter((p) => p.concerned === concerned);
        return list.length === 0 ? null : (
          <section>
            <h3>{concernedLabels[concerned]}</h3>
            {list.map((p) => (
              <ProcessingEntry p={p} />
            ))}
          </section>
        );
      })}
      <p>
        Les journaux techniques du serveur (page demandée, heure, adresse IP, code de réponse) servent à corriger les
        pannes ; ils ne contiennent ni mot de passe ni cookie, et leur durée est fixée par l’équipe technique.
        Aucune donnée n’est vendue, ni donnée pour de la publicité.
      </p>

      <h2>Cookies</h2>
      <p>
        Guichet n’utilise <strong>aucun cookie de suivi</strong>, de publicité ou de mesure d’audience, et aucun
        service d’un autre site n’est chargé dans les pages. Il ne dépose que des cookies strictement nécessaires :
      </p>
      <ul>
        <li>guichet_session : vous garde connecté (8 heures au plus) ;</li>
        <li>guichet_csrf : protège les formulaires contre l’envoi par un autre site (durée de la visite) ;</li>
        <li>guichet_simulateur : garde vos réponses au simulateur, chiffrées, dans votre navigateur seulement (4 heures) ;</li>
        <li>pendant une connexion seulement, quelques minutes : guichet_mfa, guichet_sso_etat, guichet_fc_state, guichet_fc_logout.</li>
      </ul>
      <p>
        Ces cookies sont dispensés de consentement (article 82 de la loi Informatique et Libertés) : c’est pourquoi
        Guichet n’affiche pas de bandeau de cookies.
      </p>

      <h2>Vos droits</h2>
      <p>Selon le règlement général sur la protection des données (RGPD), vous pouvez :</p>
      <ul>
        <li>
          <strong>voir vos données</strong> et en avoir une copie (droit d’accès) : « <a href="/mon-compte">Mon compte</a> »
          montre votre profil, vos sessions, vos applications autorisées ; « <a href="/mes-demarches">Mes démarches</a> »
          montre vos demandes, leurs pièces et leurs messages ;
        </li>
        <li>
          <strong>les corriger</strong> (droit de rectification) : dans « <a href="/mon-compte/profil">Mon profil</a> » et
          « <a href="/mon-compte/identifiants">Identifiants</a> » ;
        </li>
        <li>
          <strong>les effacer</strong> (droit à l’effacement) : effacez une donnée de votre profil, ou votre compte entier
          dans « <a href="/mon-compte/supprimer">Supprimer mon compte</a> » ;
        </li>
        <li>
          <strong>les récupérer dans un fichier</strong> pour les donner à un autre service (droit à la portabilité),
          et en avoir une copie (droit d’accès) : « <a href="/mon-compte/mes-donnees">Mes données</a> » vous donne
          tout ce que Guichet garde sur vous dans un seul fichier ;
        </li>
        <li>
          <strong>retirer votre accord</strong> à tout moment : effacez la donnée, retirez la liaison FranceConnect ou
          l’application autorisée ;
        </li>
        <li>
          <strong>vous opposer</strong> à l’utilisation de vos données pour des raisons tenant à votre situation (droit
          d’opposition), ou la faire suspendre (droit à la limitation).
        </li>
      </ul>
      <h3>Comment nous écrire ?</h3>
      <p>Écrivez au délégué à la protection des données (DPD) de la {publisher.name} :</p>
      <ul>
        <li>
          par le <a href={contactHref}>formulaire de contact</a>, en écrivant « Données personnelles » ;
        </li>
        {publisher.contact_email ? (
          <li>
            par courriel : <a href={`mailto:${publisher.contact_email}`}>{publisher.contact_email}</a>, avec « Données personnelles » dans l’objet ;
          </li>
        ) : null}
        {publisher.contact_address ? (
          <li>
            par courrier : Délégué à la protection des données, {publisher.name}, {publisher.contact_address}.
          </li>
        ) : null}
      </ul>
      <p>
        Pour une demande d’aide, vous pouvez aussi écrire à la collectivité qui propose l’aide. Nous vous répondons dans
        un délai d’un mois. Nous pouvons vous demander de prouver votre identité.
      </p>

      <h3>Se plaindre à la CNIL</h3>
      <p>
        Si vous pensez, après nous avoir écrit, que vos droits ne sont pas respectés, vous pouvez vous plaindre à la
        Commission nationale de l’informatique et des libertés (CNIL) :{' '}
        <a href="https://www.cnil.fr/fr/adresser-une-plainte">en ligne sur le site de la CNIL</a>, ou par courrier :
        CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris CEDEX 07.
      </p>
    </div>
  );
}
