import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderMarkdown } from './markdown';

test('Markdown renders the usual formatting', () => {
  const html = renderMarkdown('# Titre\n\nUn **texte** avec un [lien](https://www.bretagne.bzh) et une liste :\n\n- un\n- deux\n');
  assert.match(html, /<h2>Titre<\/h2>/);
  assert.match(html, /<strong>texte<\/strong>/);
  assert.match(html, /<a href="https:\/\/www.bretagne.bzh">lien<\/a>/);
  assert.match(html, /<li>un<\/li>/);
});

test('headings are shifted so that the page keeps a single h1', () => {
  const html = renderMarkdown('# Un\n\n## Deux\n\n###### Six\n');
  assert.doesNotMatch(html, /<h1/);
  assert.match(html, /<h2>Un<\/h2>/);
  assert.match(html, /<h3>Deux<\/h3>/);
  assert.match(html, /<h6>Six<\/h6>/);
});

test('raw HTML and scripts never come out', () => {
  const html = renderMarkdown('<script>alert(1)</script>\n\nTexte <img src=x onerror=alert(1)> et <b onclick="x()">gras</b>\n\n<div>bloc</div>');
  assert.doesNotMatch(html, /<script/i);
  assert.doesNotMatch(html, /<img/i);
  assert.doesNotMatch(html, /<b /i);
  assert.doesNotMatch(html, /<div/i);
  // The text stays visible, escaped, but no element carries an event handler.
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.doesNotMatch(html, /<[^>]+\son\w+=/i);
  assert.match(html, /&lt;script&gt;/);
});

test('javascript:, data: and vbscript: links are not links', () => {
  for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox(1)', 'javascript&#58;alert(1)']) {
    const html = renderMarkdown(`[cliquez](${href}) et <${href}>`);
    assert.doesNotMatch(html, /href="\s*(?:javascript|data|vbscript)/i, href);
    assert.doesNotMatch(html, /<a[^>]+href="[^"]*script:/i, href);
  }
  assert.match(renderMarkdown('[ok](/pages/transports)'), /href="\/pages\/transports"/);
  assert.match(renderMarkdown('[écrire](mailto:contact@exemple.fr)'), /href="mailto:contact@exemple.fr"/);
});

test('images written in Markdown are not rendered as images', () => {
  const html = renderMarkdown('![texte](https://exemple.fr/x.png) ![x](javascript:alert(1))');
  assert.doesNotMatch(html, /<img/i);
  assert.doesNotMatch(html, /href="javascript/i);
});
