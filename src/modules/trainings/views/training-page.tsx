import type { ComponentChildren } from 'preact';
import { Badge } from '../../../platform/views/components';
import { formatDay, formatEuros, formatNumber } from '../../../platform/views/format';
import type { AidRef, Financing } from '../financing';
import type { LikelyAid } from '../likely-port';
import { DEMO_MENTION, FINANCERS, LEVELS, MODALITIES, PUBLICS, SESSION_STATES, type Training } from '../model';
import { TRAININGS_PATH } from '../service';

/** For a signed-in person who asked: each financing aid's likely answer, with its reasons. */
export type Likely = Map<string, LikelyAid>;
const STATUS = { eligible: 'Vous y avez sans doute droit', to_check: 'À vérifier', not_eligible: 'Sans doute pas pour vous' } as const;

function AidList({ aids, likely }: { aids: AidRef[]; likely: Likely | undefined }) {
  return (
    <ul>
      {aids.map((a) => {
        const l = likely?.get(a.id);
        return (
          <li>
            <a href={`/aides/${a.id}`}>{a.name}</a>
            {l ? (
              <>
                {' '}
                <Badge tone={l.status === 'eligible' ? 'success' : l.status === 'to_check' ? 'info' : 'neutral'}>{STATUS[l.status]}</Badge>
                {l.reasons.length ? <span class="muted"> : {l.reasons.join(' ; ')}</span> : null}
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

export interface TrainingView {
  training: Training;
  jobs: Array<{ code: string; label: string }>;
  financing: Financing;
  /** Undefined: not asked (or not signed in); the page offers to ask. */
  likely: Likely | undefined;
  signedIn: boolean;
  /** The « Enregistrer » control (platform/views/save-control.tsx). */
  save?: ComponentChildren;
}

export function TrainingPage({ training: t, jobs, financing: f, likely, signedIn, save }: TrainingView) {
  const sideCosts = f.transport.length + f.housing.length + f.equipment.length;
  return (
    <>
      {t.demo ? (
        <p>
          <Badge tone="warning">{DEMO_MENTION}</Badge> Cette formation est inventée pour la démonstration : elle n’existe pas.
        </p>
      ) : null}
      <p>
        {t.organisme.name} · {LEVELS[t.exitLevel ?? t.entryLevel]}
        {t.rncp ? ` · RNCP ${t.rncp}` : ''}
        {t.rs ? ` · RS ${t.rs}` : ''}
      </p>
      {save}
      {t.objective ? <p>{t.objective}</p> : null}
      {jobs.length ? (
        <p>
          Mène au métier :{' '}
          {jobs.map((j, i) => (
            <>
              {i ? ', ' : ''}
              <a href={`/orientation/metiers/${j.code}`}>{j.label}</a>
            </>
          ))}
        </p>
      ) : null}
      <section aria-labelledby="sessions">
        <h2 id="sessions">Où et quand</h2>
        {t.actions.map((a) => (
          <div id={`action-${a.id}`}>
            <p>
              <strong>{a.place.commune || 'À distance'}</strong>
              {a.place.address ? ` · ${a.place.address}, ${a.place.postalCode} ${a.place.commune}` : ''} · {MODALITIES[a.modality]}
              {a.alternance ? ' · en alternance' : ''}
              {a.hours ? ` · ${formatNumber(a.hours)} heures` : ''} · pour : {a.publics.map((p) => PUBLICS[p] ?? p).join(', ')}
            </p>
            <ul>
              {a.sessions.map((s) => (
                <li>
                  Du {formatDay(s.start)} au {formatDay(s.end)} · {SESSION_STATES[s.state]}
                  {s.placesLeft !== null ? ` · ${s.placesLeft === 0 ? 'complet' : `${s.placesLeft} place${s.placesLeft > 1 ? 's' : ''} restante${s.placesLeft > 1 ? 's' : ''}`}` : ''}
                  {s.enrolUntil ? ` · inscription avant le ${formatDay(s.enrolUntil)}` : ''}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <section aria-labelledby="couts">
        <h2 id="couts">Ce que cela coûte</h2>
        {t.actions.map((a) => (
          <p>
            {t.actions.length > 1 ? `${a.place.commune || 'À distance'} : ` : ''}
            {a.price === 0 ? 'Gratuite pour la personne.' : a.price ? `Prix de la formation : ${formatEuros(a.price)}.` : 'Prix non précisé : demandez à l’organisme.'} Peut être payée par :{' '}
            {a.financers.map((x) => FINANCERS[x] ?? x).join(', ')}.
          </p>
        ))}
        <h3>Les frais autour de la formation</h3>
        <p>Se déplacer, se loger près du lieu, acheter l’équipement demandé.</p>
        {t.actions.map((a) => [a.transport, a.housing, a.meals].filter(Boolean).map((x) => <p class="muted">{x}</p>))}
        {f.transport.length ? (<><h4>Transport</h4><AidList aids={f.transport} likely={likely} /></>) : null}
        {f.housing.length ? (<><h4>Logement</h4><AidList aids={f.housing} likely={likely} /></>) : null}
        {f.equipment.length ? (<><h4>Équipement</h4><AidList aids={f.equipment} likely={likely} /></>) : null}
        {sideCosts === 0 ? <p>Aucune aide du référentiel pour ces frais à cet endroit.</p> : null}
      </section>
      <section aria-labelledby="financement">
        <h2 id="financement">Les aides qui peuvent payer la formation</h2>
        {f.pay.length ? <AidList aids={f.pay} likely={likely} /> : <p>Aucune aide du référentiel pour cet endroit.</p>}
        {likely === undefined ? (
          signedIn ? (
            <form method="get" action={`${TRAININGS_PATH}/${t.id}`}>
              <p>Guichet peut regarder, avec les informations de votre profil, à quelles aides vous avez sans doute droit. Rien n’est enregistré.</p>
              <input type="hidden" name="mon-profil" value="oui" />
              <button type="submit" class="button">Voir avec mon profil</button>
            </form>
          ) : (
            <p>
              <a href={`/connexion?suite=${encodeURIComponent(`${TRAININGS_PATH}/${t.id}`)}`}>Connectez-vous</a> pour voir à quelles aides vous avez sans doute droit, ou{' '}
              <a href="/aides/simulateur">faites le simulateur</a>.
            </p>
          )
        ) : (
          <p class="muted">Calculé avec votre profil. Complétez-le ou faites le simulateur pour des réponses plus sûres.</p>
        )}
        {f.schemes.length ? (
          <>
            <h3>Les dispositifs nationaux</h3>
            <ul>
              {f.schemes.map((s) => (
                <li>
                  <a href={s.href}>{s.label}</a> : {s.why}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section aria-labelledby="contact">
        <h2 id="contact">Contact</h2>
        <p>
          {t.contact.name ?? t.organisme.name}
          {t.contact.phone ? ` · ${t.contact.phone}` : ''}
          {t.contact.email ? ` · ${t.contact.email}` : ''}
        </p>
        <p>
          Export : <a href={`${TRAININGS_PATH}/${t.id}.json`}>JSON</a> · <a href={`${TRAININGS_PATH}/${t.id}.xml`}>LHEO</a>
        </p>
      </section>
    </>
  );
}
