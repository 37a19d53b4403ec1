/** The simulator's introduction and question pages, and the marks (✓ ✗ ?) its results and « le calcul » share. */
import { NAF_FAMILIES, type TextCondition } from '../../aids';
import { Notice } from '../../../platform/views/components';
import { ErrorSummary, Form, RadioGroup, SelectField, SubmitButton, TextField } from '../../../platform/views/form';
import type { Evaluation, MissingQuestion, Truth } from '../engine';
import { isFactQuestion, type FactQuestion } from '../facts';
import { QUESTIONS } from '../questions';

export const BASE = '/aides/simulateur';
export const TITLE = 'Mes droits aux aides';
/** The breadcrumb's first steps on every page of the simulator. */
export const HOME = { label: 'Accueil', href: '/' };
export const AIDS = { label: 'Les aides publiques', href: '/aides' };
export const CRUMB = { label: TITLE, href: BASE };

export function questionHref(q: Pick<MissingQuestion, 'id'>, aidId?: string): string {
  return `${BASE}/question/${q.id}${aidId ? `?aide=${aidId}` : ''}`;
}

export function questionLabel(q: MissingQuestion): string {
  if (isFactQuestion(q.id)) return QUESTIONS[q.id].label;
  return q.text ? textLegend(q.text) : 'Question';
}

export function textLegend(c: TextCondition): string {
  return c.question ?? `Est-ce votre cas : ${c.text.charAt(0).toLowerCase()}${c.text.slice(1)} ?`;
}

export const lowerFirst = (t: string) => `${t.charAt(0).toLowerCase()}${t.slice(1)}`.replace(/[.\s]+$/, '');

export const MARK_WORDS = { true: 'condition remplie', false: 'condition non remplie', undefined: 'à vérifier' } as const;
export const markClass = (v: Truth) => (v === true ? 'elig-r elig-r--yes' : v === false ? 'elig-r elig-r--no' : 'elig-r elig-r--unknown');

/** A reason: its words, then ✓ / ✗ / ? (drawn by CSS) and the same said in words for screen readers. */
export function Reason({ e }: { e: Pick<Evaluation, 'text' | 'value'> }) {
  return (
    <li class={markClass(e.value)}>
      {e.text}
      <span class="visually-hidden"> ({MARK_WORDS[String(e.value) as keyof typeof MARK_WORDS]})</span>
    </li>
  );
}

// ------------------------------------------------------------------ intro

export function IntroPage(props: { csrfToken: string; started: boolean; firstHref: string; prefilled: string[]; signedIn: boolean; answered: number }) {
  return (
    <>
      <p class="lead">Répondez à quelques questions courtes : Guichet vous montre les aides de la Région, des départements, des villes et de l’État auxquelles vous avez sans doute droit, et vous explique pourquoi.</p>
      <ul>
        <li>Une question par page. Vous pouvez revenir en arrière ou répondre « Je ne sais pas ».</li>
        <li>Guichet ne pose que les questions utiles : celles qui peuvent changer un résultat.</li>
        <li>Vos réponses restent dans votre navigateur pendant 4 heures. Elles ne sont gardées dans votre profil que si vous le demandez.</li>
      </ul>
      {props.prefilled.length ? (
        <Notice title="Nous avons repris des informations de votre profil">
          <p>{props.prefilled.join(', ')}. Vous pourrez les changer sur la page des résultats.</p>
        </Notice>
      ) : !props.signedIn ? (
        <p>
          <a href={`/connexion?suite=${encodeURIComponent(BASE)}`}>Connectez-vous</a> pour reprendre les informations de votre profil (facultatif).
        </p>
      ) : null}
      <p class="actions">
        <a class="button" href={props.firstHref}>
          {props.started ? 'Continuer' : 'Commencer'}
        </a>
        {props.answered ? (
          <>
            {' '}
            <a class="button button--secondary" href={`${BASE}/resultats`}>
              Voir mes résultats maintenant
            </a>
          </>
        ) : null}
      </p>
      {props.answered ? (
        <Form action={`${BASE}/recommencer`} csrfToken={props.csrfToken}>
          <SubmitButton secondary>Effacer mes réponses et recommencer</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}

// ------------------------------------------------------------------ one question

export interface QuestionView {
  id: string;
  /** A fact question's words for this situation (factLabel). */
  label?: string | undefined;
  csrfToken: string;
  /** For a text condition: its words. */
  text?: TextCondition | undefined;
  aidName?: string | undefined;
  aidId?: string | undefined;
  value: string;
  error?: string | undefined;
  backHref: string;
  remaining: number;
  /** Commune question: the search typed and the communes to choose from. */
  search?: string | undefined;
  communes?: Array<{ code: string; name: string }> | undefined;
}

export function questionTitle(v: Pick<QuestionView, 'id' | 'text' | 'label'>): string {
  return isFactQuestion(v.id) ? (v.label ?? QUESTIONS[v.id].label) : v.text ? textLegend(v.text) : 'Question';
}

function Answer({ v }: { v: QuestionView }) {
  const name = 'reponse';
  const legend = questionTitle(v);
  if (!isFactQuestion(v.id)) {
    return (
      <RadioGroup
        name={name}
        legend={legend}
        hint={v.text?.question ? `Condition : ${v.text.text}.` : undefined}
        error={v.error}
        value={v.value}
        options={[
          { value: 'oui', label: 'Oui' },
          { value: 'non', label: 'Non' },
          { value: 'ne-sais-pas', label: 'Je ne sais pas' },
        ]}
      />
    );
  }
  const id = v.id as FactQuestion;
  const def = QUESTIONS[id];
  if (id === 'commune') {
    return (
      <>
        <TextField name="recherche" label={legend} hint={def.hint} error={v.communes ? undefined : v.error} value={v.search ?? v.value} autocomplete="postal-code" maxLength={80} />
        {v.communes ? (
          <RadioGroup
            name="commune"
            legend="Plusieurs communes correspondent : choisissez la vôtre"
            error={v.error}
            value={v.value}
            options={v.communes.map((c) => ({ value: c.code, label: c.name }))}
          />
        ) : null}
      </>
    );
  }
  if (def.options) return <RadioGroup name={name} legend={legend} hint={def.hint} error={v.error} value={v.value} options={def.options} />;
  if (def.input === 'naf') {
    return (
      <SelectField
        name={name}
        label={legend}
        hint={def.hint}
        error={v.error}
        value={v.value}
        options={[{ value: '', label: 'Choisissez une activité' }]}
        groups={NAF_FAMILIES.map((f) => ({ label: f.label, options: f.activities.map((x) => ({ value: x.code, label: x.label })) }))}
      />
    );
  }
  return (
    <TextField
      name={name}
      label={legend}
      hint={def.hint}
      error={v.error}
      value={v.value}
      maxLength={20}
      inputMode={def.input === 'date' ? undefined : 'decimal'}
      autocomplete={def.input === 'date' ? 'bday' : 'off'}
    />
  );
}

export function QuestionPage({ v }: { v: QuestionView }) {
  const action = `${BASE}/question/${v.id}${v.aidId ? `?aide=${v.aidId}` : ''}`;
  return (
    <>
      <p>
        <a href={v.backHref}>{v.aidId ? 'Retour aux résultats' : 'Question précédente'}</a>
      </p>
      {v.aidName ? <p class="muted">Pour l’aide « {v.aidName} ».</p> : <p class="muted">{v.remaining > 0 ? `Encore ${v.remaining} aide${v.remaining > 1 ? 's' : ''} à décider.` : ''}</p>}
      <ErrorSummary errors={v.error ? { [v.communes ? 'commune' : v.id === 'commune' ? 'recherche' : 'reponse']: v.error } : {}} labels={{ reponse: 'Réponse', recherche: 'Commune', commune: 'Commune' }} />
      <Form action={action} csrfToken={v.csrfToken}>
        <Answer v={v} />
        <p class="actions">
          <SubmitButton name="action" value="repondre">
            Continuer
          </SubmitButton>{' '}
          {isFactQuestion(v.id) ? (
            <SubmitButton name="action" value="passer" secondary>
              Je ne sais pas
            </SubmitButton>
          ) : null}
        </p>
      </Form>
      <p>
        <a href={`${BASE}/resultats`}>Voir mes résultats maintenant</a>
      </p>
    </>
  );
}
