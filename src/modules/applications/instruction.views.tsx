/**
 * The instruction page of an application (back office), in two columns on wide screens: the
 * summary, the actions and the latest steps in a column that stays in view (first in the page, so
 * first on a phone), the dossier beside it, compact: answers in two columns of definition lists,
 * the documents, the latest messages (the older messages and steps folded in a <details>). Each
 * action is a <details> opened by its title, without JavaScript, and open again when its form
 * comes back with an error.
 */
import type { ComponentChildren } from 'preact';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextArea, TextField, type FieldErrors } from '../../platform/views/form';
import type { annotationsOf, messagesOf, TenantApplication } from './instruction';
import type { DocumentSummary, historyOf } from './store';
import { APPLICATION_STATUSES, type ApplicationStatus } from './tables';
import { Answers, frenchDateTime, frenchDay, grantedText, MessageList, sizeText, StatusTag } from './views';

/** How many of the latest messages and steps are shown; the older ones are folded. */
export const SHOWN_MESSAGES = 3;
export const SHOWN_STEPS = 3;

const HISTORY: Record<string, string> = { depot: 'Demande déposée', retrait: 'Demande retirée', statut: 'Changement d’étape', pieces_demandees: 'Documents demandés', decision: 'Décision', message: 'Message', document: 'Document ajouté' };
export const FIELD_LABELS = { statut: 'Étape', pieces: 'Documents demandés', pieces_message: 'Message', message: 'Message', annotation: 'Note', decision: 'Décision', motivation: 'Motivation', montant: 'Montant accordé' };

export interface InstructionFileProps {
  url: string;
  application: TenantApplication;
  history: Awaited<ReturnType<typeof historyOf>>;
  documents: DocumentSummary[];
  messages: Awaited<ReturnType<typeof messagesOf>>;
  notes: Awaited<ReturnType<typeof annotationsOf>>;
  mayInstruct: boolean;
  /** The decisions the agent may take from the current status. */
  decisions: ApplicationStatus[];
  mayMessage: boolean;
  mayRequest: boolean;
  errors: FieldErrors;
  values: Record<string, string>;
  csrf: string;
}

/** The latest `shown` items, the older ones folded under `summary(count)`. */
function Latest<T>({ items, shown, summary, render }: { items: T[]; shown: number; summary: (count: number) => string; render: (items: T[], start: number) => ComponentChildren }) {
  const older = items.slice(0, Math.max(0, items.length - shown));
  return (
    <>
      {older.length ? (
        <details class="instruction__older">
          <summary>{summary(older.length)}</summary>
          {render(older, 1)}
        </details>
      ) : null}
      {render(items.slice(older.length), older.length + 1)}
    </>
  );
}

/** A folded action: open when its form comes back with an error or a value to correct. */
function Action({ title, fields, props, children }: { title: string; fields: string[]; props: InstructionFileProps; children: ComponentChildren }) {
  const open = fields.some((f) => props.errors[f] !== undefined || (props.values[f] ?? '') !== '');
  return (
    <details class="instruction__action" open={open}>
      <summary>{title}</summary>
      {children}
    </details>
  );
}

function Side(props: InstructionFileProps) {
  const { history } = props;
  const { application: a, url, csrf, values: v, errors } = props;
  return (
    <aside class="instruction__side" aria-label="Résumé et actions">
      <h2>Résumé</h2>
      <dl class="instruction__summary">
        <div>
          <dt>Étape</dt>
          <dd>
            <StatusTag status={a.status} />
          </dd>
        </div>
        <div>
          <dt>Aide</dt>
          <dd>{a.aid_name}</dd>
        </div>
        <div>
          <dt>Personne</dt>
          <dd>
            {a.person_name}
            {a.person_email ? ` (${a.person_email})` : ''}
          </dd>
        </div>
        <div>
          <dt>Déposée le</dt>
          <dd>{frenchDay(a.submitted_at!)}</dd>
        </div>
        {a.decided_at ? (
          <div>
            <dt>Décision le</dt>
            <dd>{frenchDay(a.decided_at)}</dd>
          </div>
        ) : null}
        {a.amount_granted ? (
          <div>
            <dt>Montant accordé</dt>
            <dd>{grantedText(a.amount_granted)}</dd>
          </div>
        ) : null}
        {a.decision_motivation ? (
          <div>
            <dt>Motivation</dt>
            <dd>{a.decision_motivation}</dd>
          </div>
        ) : null}
      </dl>
      <h2>Actions</h2>
      {props.mayInstruct ? null : <p>Votre rôle vous permet de lire cette demande. Ce sont les instructeurs de la collectivité qui l’examinent et répondent à la personne.</p>}
      {props.mayInstruct && a.status === 'depose' ? (
        <Form action={`${url}/statut`} csrfToken={csrf}>
          <input type="hidden" name="statut" value="en_instruction" />
          <SubmitButton>Commencer l’examen</SubmitButton>
        </Form>
      ) : null}
      {props.mayInstruct && a.status === 'pieces_demandees' ? (
        <Form action={`${url}/statut`} csrfToken={csrf}>
          <input type="hidden" name="statut" value="en_instruction" />
          <SubmitButton secondary>Reprendre l’examen sans attendre les documents</SubmitButton>
        </Form>
      ) : null}
      {props.mayMessage ? (
        <Action title="Envoyer un message" fields={['message']} props={props}>
          <Form action={`${url}/message`} csrfToken={csrf}>
            <TextArea name="message" label="Écrire à la personne" hint="Elle le lira dans « Mes démarches »." rows={4} value={v.message} error={errors.message} required />
            <SubmitButton>Envoyer le message</SubmitButton>
          </Form>
        </Action>
      ) : null}
      {props.mayRequest ? (
        <Action title="Demander des documents" fields={['pieces', 'pieces_message']} props={props}>
          <Form action={`${url}/pieces`} csrfToken={csrf}>
            <TextArea name="pieces" label="Documents demandés" hint="Un document par ligne, par exemple : Justificatif de domicile de moins de 3 mois." rows={3} value={v.pieces} error={errors.pieces} required />
            <TextArea name="pieces_message" label="Message à la personne (facultatif)" rows={3} value={v.pieces_message} />
            <SubmitButton>Demander les documents</SubmitButton>
          </Form>
        </Action>
      ) : null}
      {props.decisions.length ? (
        <Action title="Décider" fields={['decision', 'motivation', 'montant']} props={props}>
          <Form action={`${url}/decision`} csrfToken={csrf}>
            <RadioGroup name="decision" legend="Décision" value={v.decision} error={errors.decision} options={props.decisions.map((d) => ({ value: d, label: APPLICATION_STATUSES[d] }))} />
            <TextArea name="motivation" label="Motivation" hint="Les raisons de la décision, en mots simples : la personne les lira." rows={4} value={v.motivation} error={errors.motivation} required />
            <TextField name="montant" label="Montant accordé, en euros (si la demande est acceptée)" value={v.montant} error={errors.montant} />
            <SubmitButton>Enregistrer la décision</SubmitButton>
          </Form>
        </Action>
      ) : null}
      <Action title={`Notes internes (${props.notes.length})`} fields={['annotation']} props={props}>
        <p>Ces notes ne sont jamais montrées à la personne.</p>
        {props.notes.length ? (
          <ul class="instruction__notes">
            {props.notes.map((n) => (
              <li>
                {n.author_label}, {frenchDateTime(n.created_at)} : {n.body}
              </li>
            ))}
          </ul>
        ) : null}
        {props.mayInstruct ? (
          <Form action={`${url}/notes`} csrfToken={csrf}>
            <TextArea name="annotation" label="Ajouter une note interne" rows={3} value={v.annotation} error={errors.annotation} required />
            <SubmitButton secondary>Enregistrer la note</SubmitButton>
          </Form>
        ) : null}
      </Action>
      <h2>Suivi</h2>
      <Latest
        items={history}
        shown={SHOWN_STEPS}
        summary={(n) => (n === 1 ? 'Voir l’étape précédente' : `Voir les ${n} étapes précédentes`)}
        render={(items, start) => (
          <ol class="application-history" start={start > 1 ? start : undefined}>
            {items.map((h) => (
              <li>
                {frenchDateTime(h.created_at)} : {HISTORY[h.action] ?? h.action} ({h.actor_kind === 'agent' ? 'agent' : h.actor_kind === 'usager' ? 'la personne' : 'Guichet'})
                {h.to_status ? ` → ${APPLICATION_STATUSES[h.to_status as ApplicationStatus] ?? h.to_status}` : ''}
                {h.note ? ` – ${h.note}` : ''}
              </li>
            ))}
          </ol>
        )}
      />
    </aside>
  );
}

function Dossier(props: InstructionFileProps) {
  const { application: a, url } = props;
  return (
    <div class="instruction__dossier">
      <h2>Réponses</h2>
      <div class="instruction__answers">
        <Answers form={a.form} answers={a.answers} documents={props.documents} headingLevel={3} />
      </div>
      <h2>Documents</h2>
      {props.documents.length ? (
        <ul>
          {props.documents.map((d) => (
            <li>
              <a href={`${url}/documents/${d.id}`}>{d.filename}</a> ({sizeText(d.size)}, {frenchDateTime(d.created_at)})
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun document.</p>
      )}
      <h2>Messages</h2>
      <Latest
        items={props.messages}
        shown={SHOWN_MESSAGES}
        summary={(n) => (n === 1 ? 'Voir le message précédent' : `Voir les ${n} messages précédents`)}
        render={(items, start) => (items.length || start === 1 ? <MessageList messages={items} start={start} author={(kind) => (kind === 'agent' ? 'Collectivité' : a.person_name)} /> : null)}
      />
    </div>
  );
}

export function InstructionFile(props: InstructionFileProps) {
  return (
    <>
      <ErrorSummary errors={props.errors} labels={FIELD_LABELS} />
      <div class="instruction">
        <Side {...props} />
        <Dossier {...props} />
      </div>
    </>
  );
}
