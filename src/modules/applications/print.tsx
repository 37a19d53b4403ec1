import { FIELD_TYPES, type FormDefinition, type FormField } from './form';
import type { DocumentSummary } from './store';
import type { Application } from './tables';
import { Answers, frenchDateTime } from './views';

/** What the person submitted, to print or save as PDF from the browser (print CSS). */
export function Recap({ application, documents, tenantName }: { application: Application; documents: DocumentSummary[]; tenantName: string }) {
  return (
    <div class="application-print">
      <dl class="application-meta">
        <div>
          <dt>Aide demandée</dt>
          <dd>{application.aid_name}</dd>
        </div>
        <div>
          <dt>Organisme qui examine la demande</dt>
          <dd>{tenantName}</dd>
        </div>
        <div>
          <dt>Numéro de la demande</dt>
          <dd>{application.reference}</dd>
        </div>
        <div>
          <dt>Déposée le</dt>
          <dd>{application.submitted_at ? frenchDateTime(application.submitted_at) : 'Pas encore déposée'}</dd>
        </div>
      </dl>
      <Answers form={application.form} answers={application.answers} documents={documents} />
      <p class="application-noprint">Pour l’imprimer ou l’enregistrer en PDF, utilisez la commande « Imprimer » de votre navigateur.</p>
    </div>
  );
}

function blankFor(field: FormField): string {
  switch (field.type) {
    case 'yesno':
      return '☐ Oui    ☐ Non';
    case 'choice':
      return (field.options ?? []).map((o) => `☐ ${o.label}`).join('    ');
    case 'date':
      return '__ / __ / ____';
    case 'file':
      return 'Document à joindre à l’envoi.';
    case 'address':
      return 'Numéro et rue : ______________________   Code postal : _____   Commune : ______________';
    case 'iban':
      return 'FR__ ____ ____ ____ ____ ____ ___';
    case 'siret':
      return '______________ (14 chiffres)';
    default:
      return '______________________________';
  }
}

/** The blank paper form: every procedure has a paper path. */
export function PaperForm({ form, tenantName }: { form: FormDefinition; tenantName: string }) {
  return (
    <div class="application-print">
      <p>
        Vous pouvez remplir ce formulaire à la main et l’envoyer ou le déposer à : {tenantName}. Un conseiller d’un lieu d’accueil peut aussi vous aider.
      </p>
      <p class="application-noprint">Pour l’imprimer, utilisez la commande « Imprimer » de votre navigateur.</p>
      {form.sections.map((section) => (
        <section class="application-answers">
          <h2>{section.title}</h2>
          {section.intro ? <p>{section.intro}</p> : null}
          <dl>
            {section.fields.map((field) => (
              <div>
                <dt>
                  {field.label}
                  {field.required ? ' (obligatoire)' : ''}
                  <span class="visually-hidden"> – {FIELD_TYPES[field.type]}</span>
                </dt>
                <dd>{blankFor(field)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p>Date et signature :</p>
    </div>
  );
}
