/** The credit France Travail asks for, on every orientation page that shows ROME data. */
export function RomeCredit() {
  return (
    <p class="muted">
      Source : France Travail — ROME 4.0 (version 460), Licence Ouverte. <a href="/sources#metiers">Voir le détail de la source</a>
    </p>
  );
}
