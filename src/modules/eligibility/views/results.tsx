/** The simulator's results: the three lists of aids, each card with its reasons. */
import type { ComponentChildren } from 'preact';
import { Notice, Pagination } from '../../../platform/views/components';
import { Form, SubmitButton } from '../../../platform/views/form';
import type { AidResult } from '../engine';
import { BASE, lowerFirst, questionHref, questionLabel, Reason } from './simulator';

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
              .
            </>
          ) : (
            'Vous remplissez les conditions que Guichet peut vérifier.'
          )}
          {own.length ? (
            <>
              {' '}
              {own.length > 1 ? `${own.length} questions sont propres à cette aide, dont : ` : 'Une question propre à cette aide : '}
              <a href={questionHref(own[0]!, r.aid.id)}>{questionLabel(own[0]!)}</a>
            </>
          ) : null}
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
        <p class="empty-state">Aucune pour le moment.</p>
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
