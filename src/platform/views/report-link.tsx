/**
 * « Signaler une erreur » (issue 16 c.10) under a public object's page: each module passes only
 * its dataset id (its DatasetDeclaration's) and the object's id; the opendata module serves the form.
 */
export function reportHref(dataset: string, id: string): string {
  return `/signaler/${encodeURIComponent(dataset)}/${encodeURIComponent(id)}`;
}

export function ReportLink({ dataset, id }: { dataset: string; id: string }) {
  return (
    <p class="muted">
      <a href={reportHref(dataset, id)} rel="nofollow">
        Signaler une erreur sur cette page
      </a>
    </p>
  );
}
