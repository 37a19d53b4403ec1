import { Notice } from '../../../platform/views/components';
import { ErrorSummary, Form, SelectField, SubmitButton, type FieldErrors } from '../../../platform/views/form';
import type { Licence } from '../licences';
import { LICENCES } from '../licences';
import { DATA_PATH } from './catalogue-page';
import { formatNumber } from '../../../platform/views/format';

export interface OwnDataset {
  id: string;
  title: string;
  slug: string;
  count: number;
  licence: Licence;
}

const options = Object.values(LICENCES).map((l) => ({ value: l.id, label: l.label }));

export function LicencesView({ action, datasets, canEdit, csrfToken, errors, values, saved, reportsHref }: {
  action: string;
  datasets: OwnDataset[];
  canEdit: boolean;
  csrfToken: string;
  errors: FieldErrors;
  values: Record<string, string>;
  saved: boolean;
  reportsHref: string;
}) {
  const labels = Object.fromEntries(datasets.map((d) => [`licence-${d.id}`, d.title]));
  return (
    <>
      {saved ? <Notice kind="success" title="Licences enregistrées." /> : null}
      <p>
        Les données publiques de votre collectivité sont publiées sur <a href={DATA_PATH}>la page Données ouvertes</a>. Par défaut, elles sont sous Licence Ouverte 2.0 :
        tout le monde peut les réutiliser en citant la source.
      </p>
      <p>
        <a href={reportsHref}>Voir les erreurs signalées dans vos données</a>
      </p>
      {canEdit ? (
        <Form action={action} csrfToken={csrfToken}>
          <ErrorSummary errors={errors} labels={labels} />
          {datasets.map((d) => (
            <SelectField
              name={`licence-${d.id}`}
              label={d.title}
              hint={`${formatNumber(d.count)} lignes publiées. ${d.count > 0 ? '' : 'Rien n’est publié pour l’instant.'}`}
              options={options}
              value={values[`licence-${d.id}`] ?? d.licence.id}
              error={errors[`licence-${d.id}`]}
            />
          ))}
          <SubmitButton>Enregistrer les licences</SubmitButton>
        </Form>
      ) : (
        <>
          <p>Seul un administrateur de la collectivité peut changer les licences.</p>
          <ul>
            {datasets.map((d) => (
              <li>
                {d.title} : {d.licence.label}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
