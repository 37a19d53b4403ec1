/** The import of aids in the back office: the file form, then the dry run that tells what would change. */
import { Notice, Pagination } from '../../../platform/views/components';
import { ErrorSummary, Form, SubmitButton } from '../../../platform/views/form';
import type { ImportCounts, ImportLine } from '../tables';
import { formatNumber } from '../../../platform/views/format';

export function ImportForm({ action, csrfToken, error }: { action: string; csrfToken: string; error?: string | undefined }) {
  return (
    <>
      <ErrorSummary errors={error ? { fichier: error } : {}} labels={{ fichier: 'Fichier' }} />
      <p>
        Déposez un fichier JSON (un tableau d’aides au format Guichet, ou l’export ouvert de Guichet) ou CSV (les colonnes sont décrites dans la documentation du format, l’arbre des conditions
        dans la colonne « conditions » en JSON). Rien n’est enregistré à cette étape : Guichet vous montre d’abord, ligne par ligne, ce qui serait créé, modifié ou inchangé, et chaque erreur.
      </p>
      <Form action={action} csrfToken={csrfToken} multipart>
        <div class={error ? 'field field--error' : 'field'}>
          <label for="champ-fichier">Fichier JSON ou CSV</label>
          <p class="field__hint" id="aide-fichier">
            20 Mo au plus, 20 000 aides au plus.
          </p>
          {error ? (
            <p class="field__error" id="erreur-fichier">
              <span class="visually-hidden">Erreur : </span>
              {error}
            </p>
          ) : null}
          <input type="file" id="champ-fichier" name="fichier" accept=".json,.csv,application/json,text/csv" aria-describedby={error ? 'aide-fichier erreur-fichier' : 'aide-fichier'} aria-invalid={error ? 'true' : undefined} />
        </div>
        <SubmitButton>Vérifier le fichier</SubmitButton>
      </Form>
    </>
  );
}

const ACTIONS = { created: 'créée', updated: 'modifiée', unchanged: 'inchangée', error: 'erreur' } as const;

export function DryRunView(props: {
  base: string;
  fileName: string;
  counts: ImportCounts;
  lines: ImportLine[];
  page: number;
  pages: number;
  onlyErrors: boolean;
  applied: boolean;
  csrfToken: string;
  applyAction: string;
}) {
  const { counts } = props;
  return (
    <>
      <p class="lead">
        Fichier « {props.fileName} » : {formatNumber(counts.lines)} ligne{counts.lines > 1 ? 's' : ''}. {formatNumber(counts.created)} à créer, {formatNumber(counts.updated)} à modifier, {formatNumber(counts.unchanged)} inchangée
        {counts.unchanged > 1 ? 's' : ''}, <strong>{formatNumber(counts.errors)} en erreur</strong>.
      </p>
      {props.applied ? (
        <Notice kind="success" title="Cet import est appliqué." />
      ) : counts.errors ? (
        <Notice kind="warning" title="Rien ne sera importé tant qu’une ligne est en erreur">
          <p>Corrigez le fichier puis déposez-le à nouveau. L’import se fait en entier ou pas du tout.</p>
        </Notice>
      ) : (
        <Form action={props.applyAction} csrfToken={props.csrfToken}>
          <SubmitButton>Importer</SubmitButton>
        </Form>
      )}
      <p>
        {props.onlyErrors ? <a href={props.base}>Voir toutes les lignes</a> : counts.errors ? <a href={`${props.base}?erreurs=1`}>Voir seulement les lignes en erreur</a> : null}
      </p>
      {/* Identifiers and messages may be long words: they break rather than widen the page on a phone. */}
      <table class="table--breaking">
        <caption>Lignes du fichier{props.pages > 1 ? ` (page ${props.page} sur ${props.pages})` : ''}</caption>
        <thead>
          <tr>
            <th scope="col">Ligne</th>
            <th scope="col">Identifiant</th>
            <th scope="col">Résultat</th>
          </tr>
        </thead>
        <tbody>
          {props.lines.map((l) => (
            <tr>
              <td>{l.line}</td>
              <td>{l.id || '—'}</td>
              <td>{l.action === 'error' ? `Erreur : ${l.errors.map((e) => `${e.field} : ${e.message}`).join(' ; ')}` : ACTIONS[l.action]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={props.page} pages={props.pages} href={(p) => `${props.base}?page=${p}${props.onlyErrors ? '&erreurs=1' : ''}`} label="Pages du rapport" />
      <p>
        <a href={props.base.replace(/\/[^/]+$/, '')}>Déposer un autre fichier</a>
      </p>
    </>
  );
}
