import MarkdownIt from 'markdown-it';

/**
 * The safe subset of Markdown editors write in: no raw HTML (it is shown as text), no images
 * (an image goes through the image field, with its alternative text), links only to http(s),
 * mailto, tel and relative addresses, and headings shifted down one level so that the page's
 * own title stays its only h1.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });
md.disable(['image']);

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** Links without a scheme (relative) or with a safe one; never javascript:, data:, vbscript:… */
md.validateLink = (url: string): boolean => {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url);
  return !scheme || SAFE_SCHEMES.has(scheme[1]!.toLowerCase());
};

md.renderer.rules.heading_open = (tokens, index, options, _env, self) => {
  const token = tokens[index]!;
  const level = Math.min(6, Number(token.tag.slice(1)) + 1);
  token.tag = `h${level}`;
  return self.renderToken(tokens, index, options);
};
md.renderer.rules.heading_close = (tokens, index, options, _env, self) => {
  const token = tokens[index]!;
  const level = Math.min(6, Number(token.tag.slice(1)) + 1);
  token.tag = `h${level}`;
  return self.renderToken(tokens, index, options);
};

const cache = new Map<string, string>();
const CACHE_SIZE = 500;

/** Renders Markdown to HTML that is safe to insert as is. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Same, remembered by a key that changes whenever the source does (item id and version). */
export function renderMarkdownCached(key: string, source: string): string {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = renderMarkdown(source);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, html);
  return html;
}
