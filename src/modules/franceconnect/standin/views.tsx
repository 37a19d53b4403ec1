/** The banner on every page of the stand-in: nobody may take it for the real FranceConnect. */
export function DemoBanner() {
  return (
    <div class="notice notice--warning fc-standin-banner">
      <p>
        <strong>Environnement de démonstration — FranceConnect simulé.</strong> Ces pages imitent FranceConnect pour essayer Guichet. Les
        personnes proposées sont fictives.
      </p>
    </div>
  );
}
