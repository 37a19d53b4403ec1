import type { Tenant } from '../../../platform/db/tables';
import { telHref } from '../../../platform/views/components';

function Contact({ publisher }: { publisher: Tenant }) {
  return (
    <ul>
      {publisher.contact_address ? <li>Adresse : {publisher.contact_address}</li> : null}
      {publisher.contact_phone ? (
        <li>
          Téléphone : <a href={telHref(publisher.contact_phone)}>{publisher.contact_phone}</a>
        </li>
      ) : null}
      {publisher.contact_email ? (
        <li>
          Courriel : <a href={`mailto:${publisher.contact_email}`}>{publisher.contact_email}</a>
        </li>
      ) : null}
    </ul>
  );
}

/** Mentions légales of the platform (loi n° 2004-575 du 21 juin 2004, article 6). */
export function LegalNotice({ publisher }: { publisher: Tenant }) {
  return (
    <div class="prose">
      <h2>Éditeur</h2>
      <p>
        Guichet est édité par la <strong>{publisher.name}</strong>, qui l’exploite pour elle-même et pour les
        collectivités bretonnes qui l’ont rejointe. Dans cette version de démonstration, la {publisher.name} est
        présentée comme éditeur ; une autre région ou un autre opérateur public qui installe Guichet remplace ces
        informations par les siennes.
      </p>
      <Contact publisher={publisher} />
      <p>
        Chaque collectivité présente sur Guichet (département, intercommunalité, commune) est responsable des
        contenus qu’elle publie dans son espace : ses pages, ses actualités, son logo.
      </p>

      <h2>Directeur de la publication</h2>
      <p>
        Le président ou la présidente du Conseil régional de Bretagne. Pour l’espace d’une collectivité : le
        président ou la présidente du conseil départemental ou de l’intercommunalité, ou le maire de la commune.
      </p>

      <h2>Hébergement</h2>
      <p>
        <strong>À compléter par l’opérateur de la plateforme.</strong> La loi demande d’indiquer le nom, l’adresse
        et le numéro de téléphone de l’hébergeur. Ces informations dépendent de l’endroit où Guichet est installé :
        l’organisme qui met la plateforme en service les inscrit ici avant l’ouverture au public.
      </p>

      <h2>Logiciel</h2>
      <p>
        Guichet est un logiciel libre, publié sous la licence{' '}
        <a href="https://www.gnu.org/licenses/agpl-3.0.html" hreflang="en">GNU Affero General Public License, version 3 ou ultérieure</a>{' '}
        (AGPL-3.0-or-later). Toute personne peut l’utiliser, l’étudier, le modifier et le redistribuer. Si vous
        utilisez une version modifiée de Guichet pour offrir un service en ligne, vous devez en publier le code
        source. Le code source de la version en service est disponible auprès de l’opérateur de la plateforme.
      </p>

      <h2>Réutilisation des contenus</h2>
      <p>
        Sauf mention contraire, les textes et les données publiés sur Guichet sont sous{' '}
        <a href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/">Licence Ouverte / Open Licence version 2.0</a>{' '}
        (Etalab 2.0) : vous pouvez les réutiliser librement, y compris à des fins commerciales, à condition de citer
        leur source et leur date de mise à jour.
      </p>
      <p>
        Ne sont pas concernés : les logos et les marques des collectivités, et les photos ou images quand leur
        légende indique un autre auteur ou une autre licence.
      </p>
      <p>
        Les données publiques utilisées par Guichet (territoires, lieux d’aide…) restent sous leur propre licence :
        elles sont listées, avec leurs auteurs, sur la page <a href="/sources">Sources des données</a>.
      </p>

      <h2>Liens vers d’autres sites</h2>
      <p>
        Guichet contient des liens vers d’autres sites publics. Leur contenu relève de la responsabilité de leurs
        éditeurs.
      </p>

      <h2>Accessibilité et données personnelles</h2>
      <p>
        Voir la <a href="/accessibilite">déclaration d’accessibilité</a> et la page{' '}
        <a href="/donnees-personnelles">Données personnelles</a>.
      </p>
    </div>
  );
}
