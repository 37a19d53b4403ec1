/** The forms that change a person's profile, one small form per group of fields. */
import { Notice } from '../../../platform/views/components';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextField, SelectField, type FieldErrors } from '../../../platform/views/form';
import type { CommuneChoice } from '../communes';
import { isCertified, ORGANISATION_TYPES, SITUATIONS, type Profile } from '../model';
import { GROUPS, LABELS, PROFILE_PATH, type Group } from './profile';

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
