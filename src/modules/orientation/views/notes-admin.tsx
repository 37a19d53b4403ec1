import { DateText } from '../../../platform/views/components';
import { Form, SubmitButton, TextArea, TextField } from '../../../platform/views/form';
import { JOBS_PATH } from '../service';
import type { NoteVersion } from '../notes-store';

export const notesAdminPath = (tenantId: string) => `/admin/t/${tenantId}/orientation/mots`;

export function NotesListPage({ tenantId, notes, error, code }: {
  tenantId: string;
  notes: Array<{ fiche_code: string; label: string | null; body: string; author_label: string; created_at: Date }>;
  error?: string | undefined;
  code?: string | undefined;
}) {
  return (
    <>
      <p>Le mot des conseillers s’affiche sur la fiche métier, avec le nom de votre structure. Chaque enregistrement garde une version.</p>
      <form action={notesAdminPath(tenantId)} method="get" noValidate>
        <TextField name="code" label="Code ROME de la fiche" hint="Par exemple D1102 (Boulanger / Boulangère)." value={code} error={error} />
        <SubmitButton>Écrire ou modifier le mot</SubmitButton>
      </form>
      <h2>Vos mots ({notes.length})</h2>
      {notes.length === 0 ? <p class="empty-state">Aucun mot pour l’instant : tapez le code ROME d’une fiche dans le champ plus haut (par exemple D1102) pour écrire le premier.</p> : null}
      <ul>
        {notes.map((n) => (
          <li>
            <a href={`${notesAdminPath(tenantId)}/${n.fiche_code}`}>{n.label ?? n.fiche_code}</a> ({n.fiche_code}) · {n.body ? 'publié' : 'retiré'} · {n.author_label},{' '}
            <DateText date={n.created_at} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function NoteEditPage({ tenantId, code, label, versions, body, error, csrfToken, done }: {
  tenantId: string;
  code: string;
  label: string;
  versions: NoteVersion[];
  body: string;
  error?: string | undefined;
  csrfToken: string;
  done?: string | undefined;
}) {
  const base = `${notesAdminPath(tenantId)}/${code}`;
  return (
    <>
      {done ? <p role="status" class="notice notice--success">{done}</p> : null}
      <p>
        Fiche <a href={`${JOBS_PATH}/${code}`}>{label}</a> ({code}). Laissez le texte vide pour retirer le mot de la fiche.
      </p>
      <Form action={base} csrfToken={csrfToken}>
        <TextArea name="body" label="Le mot des conseillers" hint="Séparez les paragraphes par une ligne vide. 4 000 caractères au plus." value={body} error={error} rows={8} />
        <TextField name="note" label="Note de version (facultatif)" hint="Ce qui change, pour l’historique." />
        <SubmitButton>Enregistrer une nouvelle version</SubmitButton>
      </Form>
      <h2>Historique ({versions.length})</h2>
      {versions.length === 0 ? <p>Pas encore de version.</p> : null}
      <ol>
        {versions.map((v, i) => (
          <li>
            Version {v.version} · {v.author_label || 'agent'}, <DateText date={v.created_at} />
            {v.note ? ` · ${v.note}` : ''}
            {v.body ? '' : ' · mot retiré'}
            {i > 0 ? (
              <Form action={`${base}/restaurer`} csrfToken={csrfToken} class="inline-form">
                <input type="hidden" name="version" value={String(v.version)} />
                <button type="submit" class="link-button">
                  Restaurer la version {v.version}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
