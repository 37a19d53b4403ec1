import type { ProcedureLinks } from '../../procedures';

/**
 * Under a service-public.fr result: where it comes from and that the link is the live page (the
 * extract dates from 2020, never shown as current law), then the online service that does the
 * procedure, when there is one.
 */
/** What a service-public.fr result is, in words a person knows. */
function sourceLabel(links: ProcedureLinks | undefined): string {
  if (links?.kind === 'Formulaire') return 'Formulaire référencé par service-public.fr';
  if (links?.kind === 'Modèle de document') return 'Modèle de lettre référencé par service-public.fr';
  return links?.isOnlineService ? 'Service en ligne référencé par service-public.fr' : 'Fiche de service-public.fr';
}

export function ProcedureHitLinks({ title, links }: { title: string; links: ProcedureLinks | undefined }) {
  const services = links?.onlineServices ?? [];
  return (
    <>
      <p class="search-hit__source">
        {sourceLabel(links)} — le lien ouvre la version à jour
        (notre copie date de 2020).
      </p>
      {services.length ? (
        <p class="search-hit__actions">
          {services.map((s, i) => (
            <>
              {i > 0 ? ' · ' : ''}
              <a href={s.url}>
                {s.kind === 'Simulateur' ? 'Simuler en ligne' : 'Faire la démarche en ligne'} : {s.title}
                <span class="visually-hidden"> ({title})</span>
              </a>
            </>
          ))}
        </p>
      ) : null}
    </>
  );
}
