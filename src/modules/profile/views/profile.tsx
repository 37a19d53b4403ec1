import type { ComponentChildren } from 'preact';
import { DateText, Notice } from '../../../platform/views/components';
import { formatDay } from '../../../platform/views/format';
import { COUNTRIES } from '../communes';
import { isCertified, ORGANISATION_TYPES, SITUATIONS, type Profile, type ProfileField } from '../model';

export const PROFILE_PATH = '/mon-compte/profil';

export const GROUPS = {
  identite: { label: 'Identité', fields: ['given_name', 'family_name', 'preferred_username', 'birthdate', 'gender'] },
  adresse: { label: 'Adresse', fields: ['address'] },
  telephone: { label: 'Téléphone', fields: ['phone'] },
  situation: { label: 'Situation', fields: ['situation'] },
  foyer: { label: 'Foyer', fields: ['household'] },
  organisation: { label: 'Organisation', fields: ['organisation'] },
} as const;
export type Group = keyof typeof GROUPS;

export const LABELS: Record<string, string> = {
  given_name: 'Prénoms',
  family_name: 'Nom de naissance',
  preferred_username: 'Nom d’usage',
  birthdate: 'Date de naissance',
  gender: 'Sexe',
  birthplace: 'Lieu de naissance',
  birthcountry: 'Pays de naissance',
  email: 'Adresse électronique donnée par FranceConnect',
  street: 'Numéro et rue',
  postal_code: 'Code postal',
  commune_code: 'Commune',
  phone: 'Numéro de téléphone',
  situation: 'Votre situation',
  adults: 'Nombre d’adultes',
  children: 'Nombre d’enfants',
  siret: 'Numéro SIRET',
  type: 'Type d’organisation',
  name: 'Nom de l’organisation',
};

export function Provenance({ field }: { field: ProfileField<unknown> | undefined }) {
  if (!field) return <span class="provenance provenance--none">Non renseigné</span>;
  if (isCertified(field)) {
    return (
      <span class="provenance provenance--certified">
        Certifié par FranceConnect (reçu le <DateText date={field.receivedAt} />)
      </span>
    );
  }
  return (
    <span class="provenance">
      {field.source === 'application' ? 'Donné lors d’une demande' : 'Déclaré par vous'} le <DateText date={field.receivedAt} />
    </span>
  );
}

function Row({ label, field, children }: { label: string; field: ProfileField<unknown> | undefined; children?: ComponentChildren }) {
  return (
    <div class="profile-row">
      <dt>{label}</dt>
      <dd>
        {field ? <span class="profile-row__value">{children}</span> : null} <Provenance field={field} />
      </dd>
    </div>
  );
}

function formatBirthdate(value: string): string {
  return formatDay(value);
}

export interface ProfileView {
  profile: Profile;
  birthplaceName?: string | undefined;
  done?: Group | 'efface' | undefined;
}

export function ProfilePage({ profile, birthplaceName, done }: ProfileView) {
  const p = profile;
  const identityEditable = GROUPS.identite.fields.some((f) => !isCertified(p[f]));
  const anyCertified = Object.values(p).some((f) => isCertified(f));
  return (
    <>
      {done ? <Notice kind="success">{done === 'efface' ? 'Les informations ont été effacées.' : 'Vos informations sont enregistrées.'}</Notice> : null}
      <p>
        Voici ce que Guichet sait de vous. Une information <strong>certifiée par FranceConnect</strong> vient de FranceConnect : elle ne peut
        pas être modifiée ici. Une information <strong>déclarée</strong> est celle que vous avez écrite : vous pouvez la changer quand vous
        voulez.
      </p>
      {!anyCertified ? (
        <p>
          Pour certifier votre identité, <a href="/mon-compte/franceconnect">liez FranceConnect à votre compte</a>.
        </p>
      ) : null}

      <section aria-labelledby="profil-identite">
        <h2 id="profil-identite">Identité</h2>
        <dl class="profile-list">
          <Row label={LABELS.given_name!} field={p.given_name}>{p.given_name?.value}</Row>
          <Row label={LABELS.family_name!} field={p.family_name}>{p.family_name?.value}</Row>
          <Row label={LABELS.preferred_username!} field={p.preferred_username}>{p.preferred_username?.value}</Row>
          <Row label={LABELS.birthdate!} field={p.birthdate}>{p.birthdate ? formatBirthdate(p.birthdate.value) : null}</Row>
          <Row label={LABELS.gender!} field={p.gender}>{p.gender?.value === 'female' ? 'Féminin' : p.gender?.value === 'male' ? 'Masculin' : null}</Row>
          <Row label={LABELS.birthplace!} field={p.birthplace}>{p.birthplace ? (birthplaceName ?? `commune de code ${p.birthplace.value}`) : null}</Row>
          <Row label={LABELS.birthcountry!} field={p.birthcountry}>{p.birthcountry ? (COUNTRIES[p.birthcountry.value] ?? `pays de code ${p.birthcountry.value}`) : null}</Row>
          {p.email ? <Row label={LABELS.email!} field={p.email}>{p.email.value}</Row> : null}
        </dl>
        {identityEditable ? (
          <p>
            <a href={`${PROFILE_PATH}/identite`}>
              Modifier mon identité<span class="visually-hidden"> (informations déclarées)</span>
            </a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="profil-coordonnees">
        <h2 id="profil-coordonnees">Coordonnées</h2>
        <dl class="profile-list">
          <Row label="Adresse" field={p.address}>
            {p.address ? `${p.address.value.street}, ${p.address.value.postal_code} ${p.address.value.commune_name}` : null}
          </Row>
          <Row label="Téléphone" field={p.phone}>{p.phone?.value}</Row>
        </dl>
        <EditLinks links={{ adresse: 'Modifier mon adresse', telephone: 'Modifier mon téléphone' }} />
      </section>

      <section aria-labelledby="profil-situation">
        <h2 id="profil-situation">Situation et foyer</h2>
        <dl class="profile-list">
          <Row label="Situation" field={p.situation}>{p.situation ? SITUATIONS[p.situation.value] : null}</Row>
          <Row label="Foyer" field={p.household}>
            {p.household ? `${plural(p.household.value.adults, 'adulte')}, ${plural(p.household.value.children, 'enfant')}` : null}
          </Row>
        </dl>
        <EditLinks links={{ situation: 'Modifier ma situation', foyer: 'Modifier mon foyer' }} />
      </section>

      <section aria-labelledby="profil-organisation">
        <h2 id="profil-organisation">Organisation</h2>
        <p>Seulement si vous faites des démarches pour une entreprise, une association ou une collectivité.</p>
        <dl class="profile-list">
          <Row label="Organisation" field={p.organisation}>
            {p.organisation
              ? `${p.organisation.value.name ? `${p.organisation.value.name}, ` : ''}${ORGANISATION_TYPES[p.organisation.value.type]}, SIRET ${p.organisation.value.siret}`
              : null}
          </Row>
        </dl>
        <p>
          <a href={`${PROFILE_PATH}/organisation`}>Modifier mon organisation</a>
        </p>
      </section>
    </>
  );
}

/** The links to a section's forms (group → words of the link). */
function EditLinks({ links }: { links: Partial<Record<Group, string>> }) {
  return (
    <ul class="inline-list">
      {Object.entries(links).map(([group, label]) => (
        <li>
          <a href={`${PROFILE_PATH}/${group}`}>{label}</a>
        </li>
      ))}
    </ul>
  );
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n > 1 ? 's' : ''}`;
}
