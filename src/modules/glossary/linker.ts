/**
 * Links the first use of each glossary term in a page's main HTML to its entry, on the server:
 * only in text (never inside a tag or an attribute), never inside a link, an abbreviation, code,
 * a heading, a form control or a summary. A sigle (« QF », « RSA ») matches exactly as written,
 * in capitals; a word (« instruction », « pièce justificative ») matches whatever its case, with
 * its accents, and in the plural (-s, -x); both only as whole words.
 */

export interface LinkableTerm {
  term: string;
  slug: string;
  long_form: string;
}

/** Elements whose text is never linked (a link in them would be nested, misleading or invisible). */
const SKIPPED = new Set(['a', 'abbr', 'code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea', 'select', 'option', 'button', 'label', 'legend', 'summary', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'svg', 'math', 'title', 'dfn', 'template', 'noscript']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** A tag with its attributes (quoted values may hold « > »), a comment, or text up to the next « < ». */
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*(\/?)>|[^<]+|</g;

/** A sigle: no lower-case letter, at least two letters or digits (« QF », « RNCP »). */
export function isSigle(term: string): boolean {
  return !/\p{Ll}/u.test(term) && (term.match(/[\p{L}\p{N}]/gu) ?? []).length >= 2;
}

// Outside a class, « - » is literal (and « \- » is refused with the u flag).
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The pattern of one term: exact for a sigle; any case and an optional plural for a word. */
function patternOf(term: string): string {
  const words = term.trim().split(/\s+/);
  if (isSigle(term)) return words.map(escapeRegExp).join('\\s+');
  const anyCase = (word: string) =>
    [...word]
      .map((c) => {
        const lower = c.toLowerCase();
        const upper = c.toUpperCase();
        if (lower === upper) return escapeRegExp(c);
        return `[${lower}${upper}]`;
      })
      .join('');
  // Each word may be in the plural (« pièces justificatives »); apostrophes typed either way match.
  return words.map((word) => `${anyCase(word).replace(/['’]/g, "['’]")}(?:s|x)?`).join('\\s+');
}

export type Linker = (html: string) => string;

/** Builds the linker of a list of terms; `hrefOf(slug)` is the entry's address. */
export function buildLinker(terms: readonly LinkableTerm[], hrefOf: (slug: string) => string): Linker {
  const usable = terms.filter((t) => t.term.trim() !== '');
  if (usable.length === 0) return (html) => html;
  // Longest first: « quotient familial » wins over a shorter term it contains.
  const ordered = [...usable].sort((a, b) => b.term.length - a.term.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ordered.map((t) => `(${patternOf(t.term)})`).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (html) => {
    const used = new Set<number>();
    const skipped: string[] = [];
    let out = '';
    for (const token of html.matchAll(TOKEN)) {
      const [text, closing, rawName, , selfClosing] = token;
      if (rawName !== undefined) {
        const name = rawName.toLowerCase();
        if (closing) {
          if (skipped.length && skipped[skipped.length - 1] === name) skipped.pop();
        } else if (SKIPPED.has(name) && !VOID.has(name) && !selfClosing) {
          skipped.push(name);
        }
        out += text;
      } else if (skipped.length || text.startsWith('<')) {
        out += text;
      } else {
        out += text.replace(pattern, (match: string, ...groups: unknown[]) => {
          const index = groups.findIndex((g, i) => i < ordered.length && g !== undefined);
          if (index < 0 || used.has(index)) return match;
          used.add(index);
          const term = ordered[index]!;
          const href = escapeHtml(hrefOf(term.slug));
          const inner = isSigle(term.term) && term.long_form ? `<abbr title="${escapeHtml(term.long_form)}">${match}</abbr>` : match;
          return `<a class="glossary-link" href="${href}">${inner}</a>`;
        });
      }
    }
    return out;
  };
}
