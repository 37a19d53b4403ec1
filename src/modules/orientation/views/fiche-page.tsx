import type { ComponentChildren } from 'preact';
import { Badge, DateText, Pagination } from '../../../platform/views/components';
import { formatNumber } from '../../../platform/views/format';
import { JOBS_PATH, jobsHref } from '../service';
import type { PublishedNote } from '../notes-store';
import type { JobEvent } from '../events';
import type { FicheSheet } from '../store';
import { OrientationPlacesForm, orientationPlacesHref } from '../../help';
import type { JobTrainingsList } from '../trainings-port';
import { RomeCredit } from './credit';
import { JobTrainings } from './job-trainings';

export const APPELLATIONS_PER_PAGE = 30;

/** A sentence of ROME, with its final stop (the definition's sentences often lack it). */
function sentence(text: string): string {
  return /[.!?…)]$/.test(text) ? text : `${text}.`;
}

/** « Les événements sur ce métier »: from the agenda, or a link to it. */
function JobEventsSection({ events }: { events: JobEvent[] }) {
  return (
    <section aria-labelledby="evenements">
      <h2 id="evenements">Les événements sur ce métier</h2>
      {events.length ? (
        <ul class="link-list">
          {events.map((e) => (
            <li>
              <a href={e.href}>{e.title}</a>
              <span class="muted"> · {e.detail}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun événement à venir n’est annoncé sur ce métier pour le moment.</p>
      )}
      <p>
        <a href="/agenda">Voir tout l’agenda de l’orientation</a>
      </p>
    </section>
  );
}

export interface FicheView {
  /** Upcoming events about this job (the agenda's port), soonest first. */
  events?: JobEvent[] | undefined;
  sheet: FicheSheet;
  appellations: Array<{ ogr_code: string; long_label: string; classification: string }>;
  page: number;
  /** The « Enregistrer » control (platform/views/save-control.tsx). */
  save?: ComponentChildren;
  /** « Le mot des conseillers » of each tenant that wrote one. */
  notes?: PublishedNote[];
  trainings?: JobTrainingsList | undefined;
}

/** A counsellors' note: paragraphs separated by an empty line, as typed. */
function NoteText({ body }: { body: string }) {
  return (
    <>
      {body
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p>{p}</p>
        ))}
    </>
  );
}

export function FichePage({ sheet, appellations, page, save, notes = [], events = [], trainings }: FicheView) {
  const [intro, ...tasks] = sheet.definition;
  const pages = Math.max(1, Math.ceil(sheet.appellationCount / APPELLATIONS_PER_PAGE));
  return (
    <>
      <p>
        Fiche ROME {sheet.code} · domaine <a href={jobsHref({ domaine: sheet.domain.code })}>{sheet.domain.label}</a>
        {sheet.regulated ? (
          <>
            {' '}
            <Badge tone="warning">Métier réglementé</Badge>
          </>
        ) : null}
        {sheet.executive ? (
          <>
            {' '}
            <Badge tone="info">Emploi de cadre</Badge>
          </>
        ) : null}
      </p>
      {sheet.regulated ? <p class="muted">Métier réglementé : il faut un diplôme, une autorisation ou une inscription précise pour l’exercer.</p> : null}
      {save}
      {notes.map((n) => (
        <section class="notice" aria-labelledby={`mot-${n.tenantId}`}>
          <h2 id={`mot-${n.tenantId}`} class="notice__title">
            Le mot des conseillers · {n.tenantName}
          </h2>
          <NoteText body={n.body} />
          <p class="muted">
            Mis à jour le <DateText date={n.updatedAt} />.
          </p>
        </section>
      ))}
      {sheet.parent ? (
        <p>
          Ce métier est une spécialité de la fiche <a href={`${JOBS_PATH}/${sheet.parent.code}`}>{sheet.parent.label}</a>.
        </p>
      ) : null}

      <section aria-labelledby="definition">
        <h2 id="definition">En quoi consiste ce métier ?</h2>
        {intro ? <p>{sentence(intro)}</p> : <p>Pas de définition dans le répertoire pour ce métier.</p>}
        {tasks.length ? (
          <ul>
            {tasks.map((t) => (
              <li>{sentence(t)}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <section aria-labelledby="acces">
        <h2 id="acces">Accès au métier</h2>
        {sheet.access.length ? sheet.access.map((t) => <p>{sentence(t)}</p>) : <p>Le répertoire ne précise pas comment accéder à ce métier.</p>}
      </section>

      <section aria-labelledby="appellations">
        <h2 id="appellations">
          Ses {formatNumber(sheet.appellationCount)} appellation{sheet.appellationCount > 1 ? 's' : ''}
        </h2>
        <p class="muted">Les noms sous lesquels ce métier est proposé dans les offres d’emploi.</p>
        <ul>
          {appellations.map((a) => (
            <li>{a.long_label}</li>
          ))}
        </ul>
        <Pagination page={page} pages={pages} href={(p) => `${JOBS_PATH}/${sheet.code}${p > 1 ? `?page=${p}` : ''}#appellations`} label="Pages d’appellations" />
      </section>

      {sheet.mobilities.length ? (
        <section aria-labelledby="evoluer">
          <h2 id="evoluer">Vers quels métiers évoluer ?</h2>
          <p class="muted">Les métiers proches, où l’on peut aller avec l’expérience de celui-ci.</p>
          <ul class="link-list">
            {sheet.mobilities.map((m) => (
              <li>
                <a href={`${JOBS_PATH}/${m.code}`}>{m.label}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {sheet.interests.length ? (
        <section aria-labelledby="interets">
          <h2 id="interets">Pour qui a envie de…</h2>
          <ul class="link-list">
            {sheet.interests.map((i) => (
              <li>
                <a href={jobsHref({ interet: String(i.code) })}>{i.label}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="se-former">
        <h2 id="se-former">Se former à ce métier</h2>
        {trainings ? <JobTrainings code={sheet.code} list={trainings} /> : <p>Les formations ne sont pas disponibles pour le moment.</p>}
      </section>

      <JobEventsSection events={events} />

      <section aria-labelledby="conseiller">
        <h2 id="conseiller">Trouver un conseiller</h2>
        <p>
          Pour parler de votre projet avec une personne, gratuitement : un CIO, une Mission locale, un lieu Information
          Jeunesse ou une Maison de l’emploi près de chez vous.
        </p>
        <OrientationPlacesForm />
        <p>
          <a href={orientationPlacesHref()}>Voir tous les lieux d’orientation</a>
        </p>
      </section>
      <RomeCredit />
    </>
  );
}
