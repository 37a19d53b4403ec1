import { Notice } from '../../../platform/views/components';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../platform/views/form';
import { EQUIVALENT_MAX, MAX_EQUIVALENTS, synonymLabels, TERM_MAX, type SynonymRow } from '../synonyms-admin';

export const synonymsPath = (tenantId: string) => `/admin/t/${encodeURIComponent(tenantId)}/recherche/synonymes`;

export interface SynonymFormValues {
  term: string;
  equivalents: string;
  sens: string;
}

export const formValuesOf = (row: SynonymRow): SynonymFormValues => ({ term: row.term, equivalents: row.equivalents.join('\n'), sens: row.two_way ? 'deux' : 'un' });

/** The fields of an entry, for adding and for changing one. */
export function SynonymFields({ values, errors }: { values: Partial<SynonymFormValues>; errors: FieldErrors }) {
  return (
    <>
      <TextField name="term" label={synonymLabels.term!} hint="Ce que les personnes tapent dans la recherche : un sigle (« RSA ») ou un mot courant (« carte grise »). Majuscules et accents ne comptent pas." value={values.term} error={errors.term} maxLength={TERM_MAX} required />
      <TextArea name="equivalents" label={synonymLabels.equivalents!} hint={`Un par ligne, ${MAX_EQUIVALENTS} au plus, ${EQUIVALENT_MAX} caractères chacun : les mots des aides et des pages, par exemple « revenu de solidarité active ».`} value={values.equivalents} error={errors.equivalents} rows={4} required />
      <RadioGroup
        name="sens"
        legend={synonymLabels.sens!}
        value={values.sens ?? 'deux'}
        error={errors.sens}
        options={[
          { value: 'deux', label: 'Dans les deux sens', detail: 'Chercher un équivalent trouve aussi le terme.' },
          { value: 'un', label: 'Dans un seul sens', detail: 'Seul le terme trouve ses équivalents (par exemple « chômage » trouve « France Travail », pas l’inverse).' },
        ]}
      />
    </>
  );
}

/** A light list (no table: the page stays within the DOM budget with hundreds of entries). */
function EntriesList({ rows, label, editable, tenantId }: { rows: SynonymRow[]; label: string; editable: boolean; tenantId: string }) {
  if (rows.length === 0) {
    return (
      <p class="empty-state">
        Aucune entrée pour l’instant.{' '}
        {editable ? 'Ajoutez un sigle ou un mot courant avec le formulaire « Ajouter une entrée » : la recherche le comprendra aussitôt.' : 'Les agents qui peuvent modifier cette liste y ajoutent les sigles et mots courants.'}
      </p>
    );
  }
  return (
    <ul class="synonym-list" aria-label={label}>
      {rows.map((row) => (
        <li>
          {editable ? (
            <a href={`${synonymsPath(tenantId)}/${row.id}`}>
              {row.term}
              <span class="visually-hidden"> (modifier ou supprimer)</span>
            </a>
          ) : (
            <strong>{row.term}</strong>
          )}
          {` → ${row.equivalents.join(' ; ')}${row.two_way ? '' : ' (dans un seul sens)'}`}
        </li>
      ))}
    </ul>
  );
}

export function SynonymsPage({ tenantId, isPlatform, own, platformRows, editable, values, errors, csrfToken, notice }: {
  tenantId: string;
  /** The Région's back office: its list is the platform's. */
  isPlatform: boolean;
  own: SynonymRow[];
  /** The platform's list, shown read-only to another tenant. */
  platformRows: SynonymRow[];
  editable: boolean;
  values: Partial<SynonymFormValues>;
  errors: FieldErrors;
  csrfToken: string;
  notice?: string | undefined;
}) {
  return (
    <>
      <p>
        La recherche comprend les sigles et les mots de tous les jours : quand une personne tape un terme de cette liste, elle trouve aussi ce qui contient ses équivalents.{' '}
        {isPlatform
          ? 'Cette liste sert à toutes les recherches de la plateforme, sur le portail et dans l’espace de chaque collectivité.'
          : 'La liste commune est tenue par la Région ; vos ajouts servent aux recherches faites depuis votre espace.'}
      </p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {editable ? (
        <>
          <h2>Ajouter une entrée</h2>
          <ErrorSummary errors={errors} labels={synonymLabels} />
          <Form action={synonymsPath(tenantId)} csrfToken={csrfToken}>
            <SynonymFields values={values} errors={errors} />
            <SubmitButton>Ajouter</SubmitButton>
          </Form>
        </>
      ) : (
        <p>Votre rôle permet de consulter cette liste ; un éditeur ou un administrateur peut la compléter.</p>
      )}
      <h2>{isPlatform ? 'Liste de la plateforme' : 'Vos ajouts'}</h2>
      <EntriesList rows={own} label={isPlatform ? 'Sigles et mots courants de toute la plateforme' : 'Sigles et mots courants ajoutés pour votre espace'} editable={editable} tenantId={tenantId} />
      {isPlatform ? null : (
        <>
          <h2>Liste commune de la plateforme</h2>
          <EntriesList rows={platformRows} label="Sigles et mots courants de toute la plateforme, tenus par la Région" editable={false} tenantId={tenantId} />
        </>
      )}
    </>
  );
}

export function SynonymEditPage({ tenantId, id, values, errors, csrfToken }: { tenantId: string; id: string; values: Partial<SynonymFormValues>; errors: FieldErrors; csrfToken: string }) {
  return (
    <>
      <ErrorSummary errors={errors} labels={synonymLabels} />
      <Form action={`${synonymsPath(tenantId)}/${id}`} csrfToken={csrfToken}>
        <SynonymFields values={values} errors={errors} />
        <SubmitButton>Enregistrer</SubmitButton>
      </Form>
      <h2>Supprimer l’entrée</h2>
      <p>La recherche ne s’en servira plus, sur toutes les pages, dès la suppression.</p>
      <Form action={`${synonymsPath(tenantId)}/${id}/supprimer`} csrfToken={csrfToken}>
        <SubmitButton secondary>Supprimer l’entrée « {values.term ?? ''} »</SubmitButton>
      </Form>
      <p>
        <a href={synonymsPath(tenantId)}>Revenir à la liste sans rien changer</a>
      </p>
    </>
  );
}
