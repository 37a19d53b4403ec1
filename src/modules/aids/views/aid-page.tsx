import { withArticle } from '../../../platform/tenancy/names';
import { describeTerritory, explainEligibility, formatAmount, type Sentence } from '../explain';
import { AID_TYPES, AUDIENCES, PORTEUR_KINDS, THEMES, type Aid } from '../format';

import { Badge } from '../../../platform/views/components';
import { formatDay as frenchDate, parisToday } from '../../../platform/views/format';
import { aidOpenness } from '../openness';

function Sentences({ items }: { items: Sentence[] }) {
  return (
    <ul>
      {items.map((s) => (
        <li>
          {s.text}
          {s.toCheck ? <span class="aid-to-check"> (à vérifier)</span> : null}
          {s.info ? <span class="aid-to-check"> (à vérifier sur la page officielle)</span> : null}
          {s.children ? <Sentences items={s.children} /> : null}
        </li>
      ))}
    </ul>
  );
}

function dates(aid: Aid): string {
  if (aid.dates.permanent) return 'Vous pouvez faire la demande toute l’année.';
  const parts = [aid.dates.opening ? `à partir du ${frenchDate(aid.dates.opening)}` : '', aid.dates.closing ? `jusqu’au ${frenchDate(aid.dates.closing)}` : ''];
  return `Demande possible ${parts.filter(Boolean).join(' ')}.`;
}

export function AidPage({ aid, tenantName, applyHref }: { aid: Aid; tenantName: string; applyHref?: string | undefined }) {
  const conditions = explainEligibility(aid.eligibility);
  const toCheck = JSON.stringify(aid.eligibility).includes('"type":"text"');
  const openness = aidOpenness(aid.dates, parisToday());
  return (
    <>
      <p class="lead">{aid.summary}</p>
      {aid.description ? <p>{aid.description}</p> : null}
      <dl class="facts aid-facts">
        <dt>Demande</dt>
        <dd>
          <Badge tone={openness.tone}>{openness.label}</Badge> {dates(aid)}
        </dd>
        <dt>Proposée par</dt>
        <dd>
          {aid.porteur.name} ({PORTEUR_KINDS[aid.porteur.kind]})
        </dd>
        <dt>Montant</dt>
        <dd>{aid.amount ? formatAmount(aid.amount) : 'Le montant dépend de votre situation : voir la page officielle.'}</dd>
        <dt>Pour qui</dt>
        <dd>{aid.audiences.map((a) => AUDIENCES[a]).join(', ')}</dd>
        <dt>Où</dt>
        <dd>{describeTerritory(aid.territory)}</dd>
        <dt>Type d’aide</dt>
        <dd>{aid.aid_types.map((t) => AID_TYPES[t]).join(', ')}</dd>
        <dt>Thèmes</dt>
        <dd>{aid.themes.map((t) => THEMES[t]).join(', ')}</dd>
      </dl>
      <h2>Qui peut en bénéficier ?</h2>
      <Sentences items={conditions} />
      {toCheck ? <p class="muted">« À vérifier » : Guichet ne peut pas le savoir pour vous ; l’organisme vous le demandera.</p> : null}
      <h2>Comment faire la demande ?</h2>
      <p>{dates(aid)}</p>
      {applyHref ? (
        <p class="actions">
          <a class="button" href={`${applyHref}/demande`}>Déposer une demande</a> <a href={`${applyHref}/formulaire-papier`}>Formulaire papier à imprimer</a>
        </p>
      ) : null}
      {aid.documents.length ? (
        <>
          <p>Pièces à préparer :</p>
          <ul>
            {aid.documents.map((d) => (
              <li>{d}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>La liste des pièces à fournir est donnée sur la page officielle.</p>
      )}
      <ul class="aid-links">
        <li>
          <a href={aid.link} rel="noopener">
            Page officielle : {aid.name}
          </a>
        </li>
        {aid.apply_url ? (
          <li>
            <a href={aid.apply_url} rel="noopener">
              Faire la demande auprès de {aid.porteur.name}
            </a>
          </li>
        ) : null}
      </ul>
      {aid.contact ? (
        <p>
          Contact : {[aid.contact.phone, aid.contact.email, aid.contact.address].filter(Boolean).join(' · ')}
        </p>
      ) : null}
      <p class="muted">
        Informations vérifiées le {frenchDate(aid.last_verified)}. Publiée sur Guichet par {withArticle(tenantName)}.
        {aid.source ? ` Source : ${aid.source.dataset}.` : ''} <a href="/sources#aides">Sources des données</a>.
      </p>
    </>
  );
}
