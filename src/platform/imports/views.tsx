/**
 * The two screens every import shows an agent: the file form, then the report of the dry run
 * (what would be created, changed or left alone, and each error, a page of lines at a time).
 * The aids, trainings, agenda and help places imports differ only by their words.
 */
import type { ComponentChildren } from 'preact';
import { formatNumber } from '../views/format';
import { Notice, Pagination } from '../views/components';
import { ErrorSummary, FileField, Form, SubmitButton } from '../views/form';
import type { ImportCounts, ImportLine, ReportView } from './report';

export function ImportFileForm(props: { action: string; csrfToken: string; error?: string | undefined; intro: ComponentChildren; label: string; hint?: string; accept: string }) {
  const { error } = props;
  return (
    <>
      <ErrorSummary errors={error ? { fichier: error } : {}} labels={{ fichier: props.label }} />
      <p>
        {props.intro} Rien n’est enregistré à cette étape : Guichet vous montre d’abord, ligne par ligne, ce qui serait créé, modifié ou inchangé, et chaque erreur.
      </p>
      <Form action={props.action} csrfToken={props.csrfToken} multipart>
        <FileField name="fichier" label={props.label} hint={props.hint} accept={props.accept} error={error} required />
        <SubmitButton>Vérifier le fichier</SubmitButton>
      </Form>
    </>
  );
}

/** What one line of the file is: its gender agrees the words (« inchangée » for an aid, « inchangé » for a place). */
export interface ImportNoun {
  feminine: boolean;
  /** Named in the summary (« 2 lieux à créer »); unnamed: « 2 à créer ». */
  one?: string;
  many?: string;
}

const agreed = (word: string, noun: ImportNoun, count: number) => `${word}${noun.feminine ? 'e' : ''}${count > 1 ? 's' : ''}`;

/** « 2 lieux à créer, 1 à modifier, 3 inchangés » (« créés », « modifiés » once applied). */
function summary(c: ImportCounts, noun: ImportNoun, applied: boolean): string {
  const named = noun.one ? ` ${c.created > 1 ? noun.many : noun.one}` : '';
  const created = applied ? agreed('créé', noun, c.created) : 'à créer';
  const updated = applied ? agreed('modifié', noun, c.updated) : 'à modifier';
  return `${formatNumber(c.created)}${named} ${created}, ${formatNumber(c.updated)} ${updated}, ${formatNumber(c.unchanged)} ${agreed('inchangé', noun, c.unchanged)}`;
}

function lineResult(line: ImportLine, noun: ImportNoun, applied: boolean): string {
  if (line.action === 'error') return `Erreur : ${line.errors.map((e) => `${e.field} : ${e.message}`).join(' ; ')}`;
  if (line.action === 'unchanged') return agreed('inchangé', noun, 1);
  const verb = line.action === 'created' ? 'créé' : 'modifié';
  return applied ? agreed(verb, noun, 1) : line.action === 'created' ? 'à créer' : 'à modifier';
}

export function ImportReport(props: ReportView & {
  csrfToken: string;
  noun: ImportNoun;
  /** « Importer », « Importer les lieux »… */
  applyLabel: string;
  /** What to do when a line is wrong, after « Corrigez le fichier… ». */
  fixHint?: string;
}) {
  const { counts, noun } = props;
  return (
    <>
      <p class="lead">
        Fichier « {props.fileName} » : {formatNumber(counts.lines)} ligne{counts.lines > 1 ? 's' : ''}. {summary(counts, noun, props.applied)}, <strong>{formatNumber(counts.errors)} en erreur</strong>.
      </p>
      {props.applied ? (
        <Notice kind="success" title="Cet import est appliqué." />
      ) : counts.errors ? (
        <Notice kind="warning" title="Rien ne sera importé tant qu’une ligne est en erreur">
          <p>{props.fixHint ?? 'Corrigez le fichier puis déposez-le à nouveau.'} L’import se fait en entier ou pas du tout.</p>
        </Notice>
      ) : (
        <Form action={`${props.base}/appliquer`} csrfToken={props.csrfToken}>
          <SubmitButton>{props.applyLabel}</SubmitButton>
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
              <td>{l.title ? `${l.title} (${l.id || 'sans identifiant'})` : l.id || '—'}</td>
              <td>{lineResult(l, noun, props.applied)}</td>
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
