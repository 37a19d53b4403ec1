/** « Le calcul » of one aid: the rule in words and how each condition held for the person. */
import { explainEligibility, type Sentence } from '../../aids';
import type { AidResult, Evaluation } from '../engine';
import { BASE, MARK_WORDS, markClass } from './simulator';

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
