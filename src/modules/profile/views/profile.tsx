import type { ComponentChildren } from 'preact';
import { DateText, Notice } from '../../../platform/views/components';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextField, SelectField, type FieldErrors } from '../../../platform/views/form';
import { COUNTRIES, type CommuneChoice } from '../communes';
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
  const [y, m, d] = value.split('-').map(Number);
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, d!)));
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

export interface EditView {
  group: Group;
  csrfToken: string;
  profile: Profile;
  values: Record<string, string>;
  errors: FieldErrors;
  communes?: CommuneChoice[] | undefined;
}

/** One small form per group of fields. */
export function EditPage({ group, csrfToken, profile, values, errors, communes }: EditView) {
  const labels = LABELS;
  const action = `${PROFILE_PATH}/${group}`;
  const clearable = GROUPS[group].fields.some((f) => profile[f] && !isCertified(profile[f]));
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <Form action={action} csrfToken={csrfToken}>
        {group === 'identite' ? <IdentityFields profile={profile} values={values} errors={errors} /> : null}
        {group === 'adresse' ? (
          <>
            <TextField name="street" label={labels.street!} value={values.street} error={errors.street} autocomplete="street-address" required hint="Par exemple : 12 rue de la Monnaie" />
            <TextField
              name="postal_code"
              label={labels.postal_code!}
              value={values.postal_code}
              error={errors.postal_code}
              autocomplete="postal-code"
              inputMode="numeric"
              maxLength={5}
              required
              hint="5 chiffres. Après l’avoir envoyé, vous choisirez votre commune parmi celles de ce code postal."
            />
            {communes && communes.length > 0 ? (
              <RadioGroup
                name="commune_code"
                legend={labels.commune_code!}
                hint={`Les communes de Bretagne qui ont le code postal ${values.postal_code ?? ''}.`}
                error={errors.commune_code}
                value={values.commune_code}
                options={communes.map((c) => ({ value: c.code, label: c.name }))}
              />
            ) : null}
          </>
        ) : null}
        {group === 'telephone' ? (
          <TextField name="phone" type="tel" label={labels.phone!} value={values.phone} error={errors.phone} autocomplete="tel" required hint="Un numéro français, fixe ou mobile. Par exemple : 06 12 34 56 78." />
        ) : null}
        {group === 'situation' ? (
          <RadioGroup
            name="situation"
            legend={labels.situation!}
            hint="Choisissez celle qui vous correspond le mieux aujourd’hui. Elle sert à vous proposer les aides qui vous concernent."
            error={errors.situation}
            value={values.situation}
            options={Object.entries(SITUATIONS).map(([value, label]) => ({ value, label }))}
          />
        ) : null}
        {group === 'foyer' ? (
          <>
            <TextField name="adults" label={labels.adults!} value={values.adults} error={errors.adults} inputMode="numeric" maxLength={2} required hint="Les personnes de 18 ans ou plus qui vivent avec vous, vous compris." />
            <TextField name="children" label={labels.children!} value={values.children} error={errors.children} inputMode="numeric" maxLength={2} hint="Les enfants de moins de 18 ans qui vivent avec vous. 0 si aucun." />
          </>
        ) : null}
        {group === 'organisation' ? (
          <>
            <TextField
              name="siret"
              label={labels.siret!}
              value={values.siret}
              error={errors.siret}
              inputMode="numeric"
              maxLength={20}
              required
              hint="Le numéro SIRET a 14 chiffres. Il identifie un établissement. Vous le trouvez sur une facture, un bulletin de salaire ou sur annuaire-entreprises.data.gouv.fr."
            />
            <SelectField
              name="type"
              label={labels.type!}
              value={values.type}
              error={errors.type}
              required
              options={[{ value: '', label: 'Choisissez' }, ...Object.entries(ORGANISATION_TYPES).map(([value, label]) => ({ value, label }))]}
            />
            <TextField name="name" label={labels.name!} value={values.name} error={errors.name} autocomplete="organization" />
          </>
        ) : null}
        <p class="actions">
          <SubmitButton>Enregistrer</SubmitButton>
          {clearable ? (
            <SubmitButton name="action" value="effacer" secondary>
              Effacer ces informations
            </SubmitButton>
          ) : null}
          <a href={PROFILE_PATH}>Revenir à mon profil</a>
        </p>
      </Form>
    </>
  );
}

function IdentityFields({ profile, values, errors }: { profile: Profile; values: Record<string, string>; errors: FieldErrors }) {
  const certified = GROUPS.identite.fields.filter((f) => isCertified(profile[f]));
  return (
    <>
      {certified.length ? (
        <Notice title="Certifié par FranceConnect">
          <p>Ces informations viennent de FranceConnect et ne peuvent pas être modifiées ici :</p>
          <ul>
            {certified.map((f) => (
              <li>
                {LABELS[f]} : {f === 'gender' ? (profile.gender?.value === 'female' ? 'Féminin' : 'Masculin') : String(profile[f]?.value ?? '')}
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {!isCertified(profile.given_name) ? (
        <TextField name="given_name" label={LABELS.given_name!} value={values.given_name} error={errors.given_name} autocomplete="given-name" required hint="Tous vos prénoms, dans l’ordre de l’état civil." />
      ) : null}
      {!isCertified(profile.family_name) ? (
        <TextField name="family_name" label={LABELS.family_name!} value={values.family_name} error={errors.family_name} autocomplete="family-name" required />
      ) : null}
      {!isCertified(profile.preferred_username) ? (
        <TextField name="preferred_username" label={LABELS.preferred_username!} value={values.preferred_username} error={errors.preferred_username} hint="Par exemple le nom de votre époux ou épouse, si vous l’utilisez. Laissez vide sinon." />
      ) : null}
      {!isCertified(profile.birthdate) ? (
        <TextField name="birthdate" type="date" label={LABELS.birthdate!} value={values.birthdate} error={errors.birthdate} autocomplete="bday" hint="Année, mois, jour. Par exemple : 2001-09-14." />
      ) : null}
      {!isCertified(profile.gender) ? (
        <RadioGroup
          name="gender"
          legend={LABELS.gender!}
          error={errors.gender}
          value={values.gender}
          options={[
            { value: 'female', label: 'Féminin' },
            { value: 'male', label: 'Masculin' },
          ]}
        />
      ) : null}
    </>
  );
}
