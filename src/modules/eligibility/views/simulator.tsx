import type { ComponentChildren } from 'preact';
import { explainEligibility, type Sentence, type TextCondition } from '../../aids';
import { Notice, Pagination } from '../../../platform/views/components';
import { ErrorSummary, Form, RadioGroup, SubmitButton, TextField } from '../../../platform/views/form';
import type { AidResult, Evaluation, MissingQuestion, Truth } from '../engine';
import { isFactQuestion, type FactQuestion } from '../facts';
import { QUESTIONS } from '../questions';

export const BASE = '/aides/simulateur';

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

const lowerFirst = (t: string) => `${t.charAt(0).toLowerCase()}${t.slice(1)}`.replace(/[.\s]+$/, '');

const MARK_WORDS = { true: 'condition remplie', false: 'condition non remplie', undefined: 'à vérifier' } as const;
const markClass = (v: Truth) => (v === true ? 'elig-r elig-r--yes' : v === false ? 'elig-r elig-r--no' : 'elig-r elig-r--unknown');

/** A reason: its words, then ✓ / ✗ / ? (drawn by CSS) and the same said in words for screen readers. */
function Reason({ e }: { e: Pick<Evaluation, 'text' | 'value'> }) {
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
  return (
    <TextField
      name={name}
      label={legend}
      hint={def.hint}
      error={v.error}
      value={v.value}
      maxLength={20}
      inputMode={def.input === 'date' ? undefined : def.input === 'naf' ? 'text' : 'decimal'}
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

// ------------------------------------------------------------------ results

/** Within the page budgets (≤ 500 DOM elements, EcoIndex ≥ 85): a card is about 19 elements. */
export const PER_PAGE = 8;
export const LISTS = { eligibles: 'Les aides pour vous', 'a-verifier': 'Les aides à vérifier', 'non-eligibles': 'Les aides auxquelles vous n’avez pas droit' } as const;
export type ListName = keyof typeof LISTS;

function AidCard({ r }: { r: AidResult }) {
  const open = r.missing.filter((q) => !q.perAid);
  const own = r.missing.filter((q) => q.perAid);
  return (
    <li class="elig-aid">
      <h3>
        <a href={`/aides/${r.aid.id}`}>{r.aid.name}</a>
      </h3>
      <p class="muted">
        {r.aid.porteur.name}
        {r.amount ? ` · Montant : ${r.amount}` : ''}
      </p>
      {r.reasons.length ? (
        <ul class="elig-reasons">
          {r.reasons.map((e) => (
            <Reason e={e} />
          ))}
        </ul>
      ) : null}
      {r.notes.length ? <p class="elig-notes">À vérifier aussi sur la page officielle : {r.notes.map(lowerFirst).join(' ; ')}.</p> : null}
      {r.status === 'to_check' ? (
        <p>
          {open.length ? (
            <>
              Il nous manque : {open.map((q, i) => (
                <>
                  {i ? ' ; ' : ''}
                  <a href={questionHref(q)}>{questionLabel(q)}</a>
                </>
              ))}
              {own.length ? ' ; et ' : ''}
            </>
          ) : (
            'Vous remplissez les conditions que Guichet peut vérifier. '
          )}
          {own.length ? <a href={questionHref(own[0]!, r.aid.id)}>{own.length > 1 ? `${own.length} questions propres à cette aide` : `confirmer : ${questionLabel(own[0]!).replace(/ \?$/, '')}`}</a> : null}
        </p>
      ) : null}
      <p class="elig-links">
        <a href={r.aid.link} rel="noopener" aria-label={`Page officielle : ${r.aid.name}`}>
          Page officielle
        </a>{' '}
        · <a href={`/aides/${r.aid.id}/calcul`} aria-label={`Comment est-ce calculé ? ${r.aid.name}`}>Comment est-ce calculé ?</a>
      </p>
    </li>
  );
}

export function AidList({ results, heading, more }: { results: AidResult[]; heading: string; more?: ComponentChildren }) {
  return (
    <section aria-labelledby={`titre-${heading.length}`}>
      <h2 id={`titre-${heading.length}`}>{heading}</h2>
      {results.length ? (
        <ul class="elig-list">
          {results.map((r) => (
            <AidCard r={r} />
          ))}
        </ul>
      ) : (
        <p>Aucune pour le moment.</p>
      )}
      {more}
    </section>
  );
}

export interface ResultsView {
  csrfToken: string;
  counts: { eligible: number; toCheck: number; nearlySure: number; notEligible: number; outside: number; forOthers: number; requester?: 'particulier' | 'organisation' | undefined };
  list?: { name: ListName; results: AidResult[]; page: number; pages: number } | undefined;
  eligible: AidResult[];
  toCheck: AidResult[];
  answers: Array<{ label: string; value: string; href: string }>;
  nextHref?: string | undefined;
  save?: { fields: string[]; certified: string[]; error?: string | undefined; done?: boolean } | undefined;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export function ResultsPage({ v }: { v: ResultsView }) {
  const { counts } = v;
  return (
    <>
      {v.save?.done ? <Notice kind="success" title="Vos réponses sont enregistrées dans votre profil." /> : null}
      <p class="lead">
        {plural(counts.eligible, 'aide pour vous', 'aides pour vous')}, {plural(counts.toCheck, 'aide à vérifier', 'aides à vérifier')}
        {counts.nearlySure ? ` (dont ${counts.nearlySure} où vous remplissez déjà tout ce que Guichet peut vérifier)` : ''}
        {counts.notEligible ? `, ${plural(counts.notEligible, 'aide à laquelle vous n’avez pas droit', 'aides auxquelles vous n’avez pas droit')}` : ''}.
      </p>
      {v.nextHref ? (
        <p>
          <a class="button" href={v.nextHref}>
            Répondre aux questions restantes
          </a>
        </p>
      ) : null}
      <ul class="elig-nav">
        <li>
          <a href={`${BASE}/resultats?liste=eligibles`}>Toutes les aides pour vous ({counts.eligible})</a>
        </li>
        <li>
          <a href={`${BASE}/resultats?liste=a-verifier`}>Toutes les aides à vérifier ({counts.toCheck})</a>
        </li>
        <li>
          <a href={`${BASE}/resultats?liste=non-eligibles`}>Voir aussi les aides auxquelles je n’ai pas droit ({counts.notEligible})</a>
        </li>
      </ul>
      {v.list ? (
        <>
          <AidList results={v.list.results} heading={`${LISTS[v.list.name]}${v.list.pages > 1 ? ` (page ${v.list.page} sur ${v.list.pages})` : ''}`} />
          <Pagination page={v.list.page} pages={v.list.pages} href={(p) => `${BASE}/resultats?liste=${v.list!.name}&page=${p}`} label="Pages de la liste" />
          {v.list.name === 'non-eligibles' && counts.outside ? <p class="muted">{plural(counts.outside, 'autre aide ne concerne', 'autres aides ne concernent')} ni votre commune ni votre âge.</p> : null}
          {v.list.name === 'non-eligibles' && counts.forOthers ? (
            <p class="muted">
              {plural(counts.forOthers, 'aide est', 'aides sont')} {counts.requester === 'organisation' ? 'pour les particuliers' : 'pour les organisations (associations, entreprises, communes)'} : elles ne sont pas listées ici.
            </p>
          ) : null}
        </>
      ) : (
        <>
          <AidList results={v.eligible} heading={LISTS.eligibles} more={counts.eligible > v.eligible.length ? <p><a href={`${BASE}/resultats?liste=eligibles`}>Voir les {counts.eligible} aides pour vous</a></p> : null} />
          <AidList
            results={v.toCheck}
            heading={LISTS['a-verifier']}
            more={counts.toCheck > v.toCheck.length ? <p><a href={`${BASE}/resultats?liste=a-verifier`}>Voir les {counts.toCheck} aides à vérifier</a></p> : null}
          />
        </>
      )}
      <h2>Vos réponses</h2>
      {v.answers.length ? (
        <dl class="elig-answers">
          {v.answers.map((a) => (
            <div>
              <dt>{a.label}</dt>
              <dd>
                {a.value} <a href={a.href}>Modifier<span class="visually-hidden"> : {a.label}</span></a>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>Vous n’avez encore rien répondu.</p>
      )}
      {v.save && !v.save.done && v.save.fields.length ? (
        <Form action={`${BASE}/enregistrer`} csrfToken={v.csrfToken}>
          <fieldset class={v.save.error ? 'field field--error' : 'field'} aria-describedby={v.save.error ? 'erreur-accord' : undefined}>
            <legend>Garder ces réponses dans votre profil ?</legend>
            {v.save.error ? (
              <p class="field__error" id="erreur-accord">
                <span class="visually-hidden">Erreur : </span>
                {v.save.error}
              </p>
            ) : null}
            <div class="checkbox">
              <input type="checkbox" id="champ-accord" name="accord" value="oui" />
              <label for="champ-accord">J’accepte que Guichet garde dans mon profil : {v.save.fields.join(', ')}.</label>
            </div>
            {v.save.certified.length ? <p class="field__hint">Non modifié, car certifié par FranceConnect : {v.save.certified.join(', ')}.</p> : null}
          </fieldset>
          <SubmitButton>Enregistrer dans mon profil</SubmitButton>
        </Form>
      ) : null}
      <p>
        <a href={BASE}>Revenir au début du questionnaire</a> · <a href="/aides">Toutes les aides</a>
      </p>
    </>
  );
}

// ------------------------------------------------------------------ how it is computed

function Tree({ e }: { e: Evaluation }) {
  return (
    <li class={e.children || e.info ? undefined : markClass(e.value)}>
      {e.info ? (
        <>
          {e.rule} <span class="muted">(à vérifier aussi sur la page officielle ; Guichet ne le vérifie pas)</span>
        </>
      ) : e.children ? (
        <>
          {e.rule} <span class="muted">({MARK_WORDS[String(e.value) as keyof typeof MARK_WORDS]})</span>
          <ul>
            {e.children.map((c) => (
              <Tree e={c} />
            ))}
          </ul>
        </>
      ) : (
        <>
          {e.rule}
          <span class="elig-eval">
            Pour vous : {e.text}
            <span class="visually-hidden"> ({MARK_WORDS[String(e.value) as keyof typeof MARK_WORDS]})</span>
          </span>
        </>
      )}
    </li>
  );
}

function Rule({ items }: { items: Sentence[] }) {
  return (
    <ul>
      {items.map((s) => (
        <li>
          {s.text}
          {s.toCheck ? ' (à vérifier)' : ''}
          {s.info ? ' (à vérifier sur la page officielle)' : ''}
          {s.children ? <Rule items={s.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function CalculPage({ result, rule, aidId, officialLink }: { result?: AidResult | undefined; rule: Parameters<typeof explainEligibility>[0]; aidId: string; officialLink: string }) {
  const verdict = result ? { eligible: 'Selon vos réponses, vous avez droit à cette aide.', to_check: 'Selon vos réponses, cette aide est à vérifier.', not_eligible: 'Selon vos réponses, vous n’avez pas droit à cette aide.' }[result.status] : undefined;
  return (
    <>
      <p class="lead">La règle ci-dessous est celle que Guichet applique, écrite à partir des conditions de l’aide. Rien d’autre n’entre dans le calcul.</p>
      <h2>La règle</h2>
      <Rule items={explainEligibility(rule)} />
      {result ? (
        <>
          <h2>Pour vous</h2>
          <p>
            <strong>{verdict}</strong>
            {result.amount ? ` Montant indiqué : ${result.amount}.` : ''}
          </p>
          <p class="muted">Chaque condition, avec ce que vous avez répondu (✓ remplie, ✗ non remplie, ? à vérifier) :</p>
          <ul class="elig-tree">
            <Tree e={result.tree} />
          </ul>
        </>
      ) : (
        <p>
          <a href={BASE}>Répondez au questionnaire</a> pour voir comment chaque condition s’applique à vous.
        </p>
      )}
      <h2>Comment lire ce calcul</h2>
      <ul>
        <li>« Toutes ces conditions » : il faut les remplir toutes ; une seule non remplie suffit pour ne pas avoir droit.</li>
        <li>« Au moins une de ces conditions » : une seule remplie suffit.</li>
        <li>« À vérifier » : Guichet ne le sait pas encore ; l’organisme pourra vous le demander.</li>
        <li>« À vérifier sur la page officielle » : une information que Guichet ne vérifie pas ; elle ne change pas le résultat.</li>
      </ul>
      <p>
        <a href={`/aides/${aidId}`}>Retour à la page de l’aide</a> · <a href={officialLink} rel="noopener">Page officielle</a> · <a href={`${BASE}/resultats`}>Mes résultats</a>
      </p>
    </>
  );
}
