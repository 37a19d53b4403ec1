import { ErrorSummary, Form, SelectField, SubmitButton, TextField, type FieldErrors } from '../../../platform/views/form';
import type { MenuRow } from '../menu-store';
import { NEWS_TARGET } from '../menu-service';
import { adminBase } from './admin-common';

function OpButton({ action, csrfToken, entryId, op, label, hidden }: { action: string; csrfToken: string; entryId: string; op: string; label: string; hidden: string }) {
  return (
    <Form action={action} csrfToken={csrfToken} class="inline-form">
      <input type="hidden" name="entry" value={entryId} />
      <button type="submit" class="button button--secondary" name="op" value={op}>
        {label}
        <span class="visually-hidden"> {hidden}</span>
      </button>
    </Form>
  );
}

export function MenuView({ tenantId, entries, pages, values, errors, csrfToken }: {
  tenantId: string;
  entries: MenuRow[];
  pages: Array<{ id: string; title: string; published: boolean }>;
  values: Record<string, string>;
  errors: FieldErrors;
  csrfToken: string;
}) {
  const action = `${adminBase(tenantId)}/menu`;
  const labels: Record<string, string> = { label: 'Intitulé du lien', target: 'Page de destination' };
  for (const entry of entries) labels[`label-${entry.id}`] = `Intitulé du lien « ${entry.label} »`;
  return (
    <>
      <p>Le menu apparaît en haut de chaque page de votre espace, après « Accueil ». Un lien vers une page non publiée n’est pas montré au public.</p>
      <ErrorSummary errors={errors} labels={labels} />
      {entries.length ? (
        <ol class="menu-editor">
          {entries.map((entry, index) => (
            <li class="menu-editor__entry">
              <Form action={action} csrfToken={csrfToken}>
                <input type="hidden" name="entry" value={entry.id} />
                <TextField
                  name={`label-${entry.id}`}
                  label={`Lien ${index + 1} : ${entry.target === 'news' ? 'vers les actualités' : `vers la page /pages/${entry.slug}`}`}
                  hint={entry.published ? undefined : 'Cette page n’est pas publiée : le lien n’est pas montré au public.'}
                  value={values[`label-${entry.id}`] ?? entry.label}
                  error={errors[`label-${entry.id}`]}
                  maxLength={60}
                />
                <SubmitButton name="op" value="rename" secondary>
                  Renommer<span class="visually-hidden"> le lien {index + 1}</span>
                </SubmitButton>
              </Form>
              <div class="actions">
                {index > 0 ? <OpButton action={action} csrfToken={csrfToken} entryId={entry.id} op="up" label="Monter" hidden={`le lien « ${entry.label} »`} /> : null}
                {index < entries.length - 1 ? <OpButton action={action} csrfToken={csrfToken} entryId={entry.id} op="down" label="Descendre" hidden={`le lien « ${entry.label} »`} /> : null}
                <OpButton action={action} csrfToken={csrfToken} entryId={entry.id} op="remove" label="Retirer" hidden={`le lien « ${entry.label} »`} />
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p>Le menu est vide.</p>
      )}
      <h2>Ajouter un lien</h2>
      <Form action={action} csrfToken={csrfToken}>
        <TextField name="label" label={labels.label!} value={values.label} error={errors.label} maxLength={60} required />
        <SelectField
          name="target"
          label={labels.target!}
          value={values.target ?? NEWS_TARGET}
          error={errors.target}
          options={[
            { value: NEWS_TARGET, label: 'La liste des actualités' },
            ...pages.map((p) => ({ value: p.id, label: p.published ? p.title : `${p.title} (non publiée)` })),
          ]}
          required
        />
        <SubmitButton name="op" value="add">
          Ajouter au menu
        </SubmitButton>
      </Form>
    </>
  );
}
