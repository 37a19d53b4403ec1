import type { GlossaryRow } from '../tables';
import { letterOf } from '../terms';

/**
 * /glossaire: the terms in alphabetical order, grouped by letter, each with its anchor; no JavaScript.
 * Two elements per term (dt, dd): the page stays within the DOM budget with more terms.
 */
export function GlossaryPage({ terms, tenantName, ownTenant }: { terms: GlossaryRow[]; tenantName: string; ownTenant: string | null }) {
  const letters = new Map<string, GlossaryRow[]>();
  for (const term of terms) {
    const letter = letterOf(term.term);
    letters.set(letter, [...(letters.get(letter) ?? []), term]);
  }
  return (
    <>
      <p class="lead">
        Les mots et les sigles des services publics, expliqués simplement. Dans les pages, un mot souligné de ce
        glossaire mène à son explication.
      </p>
      {ownTenant ? <p>Les termes marqués « {tenantName} » sont propres à cette collectivité ; les autres valent partout.</p> : null}
      {terms.length === 0 ? (
        <p>Le glossaire est vide pour l’instant.</p>
      ) : (
        <>
          <nav aria-label="Lettres du glossaire">
            <ul class="glossary-letters">
              {[...letters.keys()].map((letter) => (
                <li>
                  <a href={`#lettre-${letter}`}>{letter}</a>
                </li>
              ))}
            </ul>
          </nav>
          {[...letters].map(([letter, rows]) => (
            <>
              <h2 id={`lettre-${letter}`}>{letter}</h2>
              <dl class="glossary">
                {rows.map((row) => (
                  <>
                    <dt id={row.slug}>
                      {row.long_form ? `${row.term} (${row.long_form})` : row.term}
                      {ownTenant && row.tenant_id === ownTenant ? <> <span class="badge">{tenantName}</span></> : null}
                    </dt>
                    <dd>{row.definition}</dd>
                  </>
                ))}
              </dl>
            </>
          ))}
        </>
      )}
    </>
  );
}
