import { Notice } from '../../../platform/views/components';
import { ErrorSummary, Form, SubmitButton, TextArea, TextField, type FieldErrors } from '../../../platform/views/form';
import { DEFINITION_MAX, glossaryLabels, LONG_FORM_MAX, TERM_MAX } from '../store';
import type { GlossaryRow } from '../tables';

export const glossaryAdminPath = (tenantId: string) => `/admin/t/${encodeURIComponent(tenantId)}/glossaire`;

export interface TermFormValues {
  term: string;
  long_form: string;
  definition: string;
}

export const formValuesOf = (row: GlossaryRow): TermFormValues => ({ term: row.term, long_form: row.long_form, definition: row.definition });

function TermFields({ values, errors }: { values: Partial<TermFormValues>; errors: FieldErrors }) {
  return (
    <>
      <TextField name="term" label={glossaryLabels.term!} hint="Tel qu’il est écrit dans les pages : un sigle en capitales (« QF ») ou un mot (« pièce justificative »). Un sigle est lié seulement écrit en capitales ; un mot, quelle que soit la casse, et au pluriel." value={values.term} error={errors.term} maxLength={TERM_MAX} required />
      <TextField name="long_form" label={`${glossaryLabels.long_form!} (facultatif)`} hint="Pour un sigle, les mots qu’il abrège, par exemple « quotient familial ». Il est lu par les lecteurs d’écran." value={values.long_form} error={errors.long_form} maxLength={LONG_FORM_MAX} />
      <TextArea name="definition" label={glossaryLabels.definition!} hint={`${DEFINITION_MAX} caractères au plus. Des phrases courtes, sans autre sigle si possible.`} value={values.definition} error={errors.definition} rows={4} required />
    </>
  );
}

function TermsList({ rows, label, editable, tenantId }: { rows: GlossaryRow[]; label: string; editable: boolean; tenantId: string }) {
  if (rows.length === 0) return <p class="empty-state">Aucun terme pour l’instant.{editable ? ' Ajoutez le premier avec « Ajouter un terme », plus haut : il sera lié depuis les pages où il apparaît.' : ''}</p>;
  return (
    <ul class="synonym-list" aria-label={label}>
      {rows.map((row) => (
        <li>
          {editable ? (
            <a href={`${glossaryAdminPath(tenantId)}/${row.id}`}>
              {row.term}
              <span class="visually-hidden"> (modifier ou supprimer)</span>
            </a>
          ) : (
            <strong>{row.term}</strong>
          )}
          {` : ${row.definition.length > 120 ? `${row.definition.slice(0, 119)}…` : row.definition}`}
        </li>
      ))}
    </ul>
  );
}

export function GlossaryAdminPage({ tenantId, isPlatform, own, platformRows, editable, values, errors, csrfToken, notice, publicHref }: {
  tenantId: string;
  isPlatform: boolean;
  own: GlossaryRow[];
  platformRows: GlossaryRow[];
  editable: boolean;
  values: Partial<TermFormValues>;
  errors: FieldErrors;
  csrfToken: string;
  notice?: string | undefined;
  publicHref: string;
}) {
  return (
    <>
      <p>
        Le glossaire explique les mots des services publics en mots simples, sur la page <a href={publicHref}>Glossaire</a>. Dans les pages des aides et les pages de contenu, la première fois qu’un terme apparaît, il mène à son explication.{' '}
        {isPlatform ? 'Les termes de la Région valent sur toute la plateforme.' : 'Les termes de la Région valent partout ; les vôtres s’ajoutent dans votre espace (un terme à vous remplace celui de la Région qui s’écrit pareil).'}
      </p>
      {notice ? <Notice kind="success">{notice}</Notice> : null}
      {editable ? (
        <>
          <h2>Ajouter un terme</h2>
          <ErrorSummary errors={errors} labels={glossaryLabels} />
          <Form action={glossaryAdminPath(tenantId)} csrfToken={csrfToken}>
            <TermFields values={values} errors={errors} />
            <SubmitButton>Ajouter</SubmitButton>
          </Form>
        </>
      ) : (
        <p>Votre rôle permet de consulter le glossaire ; un éditeur ou un administrateur peut le compléter.</p>
      )}
      <h2>{isPlatform ? 'Termes de la plateforme' : 'Vos termes'}</h2>
      <TermsList rows={own} label={isPlatform ? 'Termes de toute la plateforme' : 'Termes ajoutés pour votre espace'} editable={editable} tenantId={tenantId} />
      {isPlatform ? null : (
        <>
          <h2>Termes de la Région</h2>
          <TermsList rows={platformRows} label="Termes de toute la plateforme, tenus par la Région" editable={false} tenantId={tenantId} />
        </>
      )}
    </>
  );
}

export function TermEditPage({ tenantId, id, values, errors, csrfToken }: { tenantId: string; id: string; values: Partial<TermFormValues>; errors: FieldErrors; csrfToken: string }) {
  return (
    <>
      <ErrorSummary errors={errors} labels={glossaryLabels} />
      <Form action={`${glossaryAdminPath(tenantId)}/${id}`} csrfToken={csrfToken}>
        <TermFields values={values} errors={errors} />
        <SubmitButton>Enregistrer</SubmitButton>
      </Form>
      <h2>Supprimer le terme</h2>
      <p>Il disparaît du glossaire, et les pages ne le lient plus, dès la suppression.</p>
      <Form action={`${glossaryAdminPath(tenantId)}/${id}/supprimer`} csrfToken={csrfToken}>
        <SubmitButton secondary>Supprimer le terme « {values.term ?? ''} »</SubmitButton>
      </Form>
      <p>
        <a href={glossaryAdminPath(tenantId)}>Revenir à la liste sans rien changer</a>
      </p>
    </>
  );
}
