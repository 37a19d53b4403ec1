/** The API's view of a result: French field names, absolute links, reasons with their mark. */
import type { AidResult, Evaluation, MissingQuestion } from './engine';
import { sentence } from './engine';
import { isFactQuestion } from './facts';
import { QUESTIONS } from './questions';

const STATUT = { true: 'remplie', false: 'non_remplie', undefined: 'a_verifier' } as const;

export function apiReason(e: Evaluation) {
  return { texte: e.text, statut: STATUT[String(e.value) as keyof typeof STATUT], phrase: sentence(e), regle: e.rule };
}

export function apiQuestion(q: MissingQuestion) {
  if (isFactQuestion(q.id)) return { id: q.id, question: QUESTIONS[q.id].label, propre_a_l_aide: false };
  return { id: q.id, question: q.text?.question ?? q.text?.text ?? '', condition: q.text?.text ?? '', propre_a_l_aide: Boolean(q.perAid) };
}

export function toApiResult(r: AidResult, base: string) {
  return {
    id: r.aid.id,
    nom: r.aid.name,
    porteur: r.aid.porteur.name,
    type_porteur: r.aid.porteur.kind,
    statut: { eligible: 'eligible', to_check: 'a_verifier', not_eligible: 'non_eligible' }[r.status],
    montant: r.amount ?? null,
    raisons: r.reasons.map(apiReason),
    a_verifier_aussi: r.notes,
    questions_manquantes: r.missing.map(apiQuestion),
    lien_officiel: r.aid.link,
    page: `${base}/aides/${r.aid.id}`,
    calcul: `${base}/aides/${r.aid.id}/calcul`,
  };
}
