import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkLogo, isPng, MAX_LOGO_BYTES, sanitizeSvg } from './logo';
import { TINY_PNG } from './test-support';


const HOSTILE_SVG = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<?xml-stylesheet href="https://evil.example/x.css"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 100" onload="alert(1)">
  <script>alert('script')</script>
  <script xlink:href="https://evil.example/x.js"/>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#0b5394"/></linearGradient></defs>
  <rect width="100" height="100" fill="url(#g)" onclick="steal()" onmouseover="steal()"/>
  <circle cx="50" cy="50" r="20" fill="url(https://evil.example/track.svg#x)" style="fill: url(https://evil.example/y)"/>
  <foreignObject width="100" height="100"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example/"></iframe></div></foreignObject>
  <a href="javascript:alert(1)"><text x="10" y="90">Brest &amp; co</text></a>
  <a xlink:href="https://evil.example/"><path d="M0 0L10 10"/></a>
  <use xlink:href="#g"/>
  <use href="https://evil.example/sprite.svg#logo"/>
  <image href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" width="10" height="10"/>
  <animate attributeName="href" to="javascript:alert(1)"/>
  <set attributeName="onclick" to="alert(1)"/>
  <style>@import url(https://evil.example/a.css); .x{fill:red}</style>
  <style>.y{fill:blue}</style>
</svg>`;

test('an SVG logo keeps its drawing and loses everything active or external', () => {
  const result = sanitizeSvg(HOSTILE_SVG);
  assert.ok(result.ok, result.ok ? '' : result.message);
  const svg = result.svg;
  for (const forbidden of [/<script/i, /onload/i, /onclick/i, /onmouseover/i, /foreignObject/i, /iframe/i, /javascript:/i, /evil\.example/, /<animate/i, /<set/i, /<image/i, /@import/, /data:image/]) {
    assert.doesNotMatch(svg, forbidden);
  }
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /<rect width="100" height="100" fill="url\(#g\)"\/>/);
  assert.match(svg, /<use xlink:href="#g"\/>/);
  assert.match(svg, /Brest &amp; co/);
  assert.match(svg, /\.y\{fill:blue\}/);
  assert.ok(result.removed >= 10);
});

test('an SVG with nothing left to draw, a non-SVG XML, or entities is refused', () => {
  const empty = sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><foreignObject><p>x</p></foreignObject></svg>');
  assert.equal(empty.ok, false);
  assert.match(empty.ok ? '' : empty.message, /il ne reste rien à afficher/);
  assert.equal(sanitizeSvg('<html xmlns="http://www.w3.org/1999/xhtml"><body><svg/></body></html>').ok, false);
  assert.equal(sanitizeSvg('<svg><rect width="1" height="1"/></svg>').ok, false, 'an svg element outside the SVG namespace is not an SVG file');
  assert.equal(sanitizeSvg('<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>').ok, false, 'malformed XML');
  const entities = sanitizeSvg('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg"><text>&a;</text></svg>');
  assert.equal(entities.ok, false);
});

test('a file is recognised by its bytes, never by its name', () => {
  assert.equal(isPng(TINY_PNG), true);
  const png = checkLogo(TINY_PNG);
  assert.ok(png.ok && png.contentType === 'image/png' && png.bytes.equals(TINY_PNG));
  // A text file whatever it is called.
  const text = checkLogo(Buffer.from('Ceci est un fichier texte, pas une image.'));
  assert.equal(text.ok, false);
  assert.match(text.ok ? '' : text.message, /format SVG ou PNG/);
  // The PNG signature alone, without the IHDR chunk, is not a PNG.
  assert.equal(checkLogo(Buffer.concat([TINY_PNG.subarray(0, 8), Buffer.from('not really a png at all, sorry')])).ok, false);
  // A JPEG.
  assert.equal(checkLogo(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46])).ok, false);
  assert.equal(checkLogo(Buffer.alloc(0)).ok, false);
  assert.equal(checkLogo(undefined).ok, false);
  const big = checkLogo(Buffer.concat([TINY_PNG, Buffer.alloc(MAX_LOGO_BYTES)]));
  assert.equal(big.ok, false);
  assert.match(big.ok ? '' : big.message, /500 Ko/);
});
