import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COLOUR_PAIRS, measurePairs, paletteFor, readPalette } from './palette';
import { checkAccentContrast, suggestAccessibleShade, themeCss } from './theme';

test('every colour token of a pair exists in tokens.css', () => {
  const palette = readPalette();
  for (const pair of COLOUR_PAIRS) {
    assert.match(palette[pair.fg] ?? '', /^#[0-9a-f]{6}$/, `--${pair.fg}`);
    assert.match(palette[pair.bg] ?? '', /^#[0-9a-f]{6}$/, `--${pair.bg}`);
  }
});

test('the default palette: every pair reaches its minimum contrast (4.5:1 text, 3:1 borders)', () => {
  for (const pair of measurePairs(paletteFor())) assert.ok(pair.ok, `${pair.use}: --${pair.fg} on --${pair.bg} is ${pair.ratio}:1, below ${pair.min}:1`);
});

test('the default accent shades of tokens.css are the ones the theme computes', () => {
  const palette = readPalette();
  const css = themeCss(palette.accent!);
  assert.match(css, new RegExp(`--accent-dark:${palette['accent-dark']}`));
  assert.match(css, new RegExp(`--accent-soft:${palette['accent-soft']}`));
});

test('any accent accepted by the branding check keeps every pair readable, its shades included', () => {
  // The darkest-allowed shades of light colours (just at 4.5:1 on the grey surface), and the default.
  const accents = ['#0b5394', ...['#ffcc00', '#ff66cc', '#33ccff', '#66ff66', '#ff8800', '#b0b0b0'].map(suggestAccessibleShade)];
  for (const accent of accents) {
    assert.equal(checkAccentContrast(accent).ok, true, accent);
    for (const pair of measurePairs(paletteFor(accent))) assert.ok(pair.ok, `${accent} — ${pair.use}: ${pair.fgHex} on ${pair.bgHex} is ${pair.ratio}:1`);
  }
});

test('a ratio is read from the CSS, not typed: a changed token changes the ratio', () => {
  const lighter = { ...readPalette(), 'text-muted': '#999999' };
  const muted = measurePairs(lighter).find((p) => p.fg === 'text-muted' && p.bg === 'surface');
  assert.equal(muted?.ok, false);
  assert.ok(muted && muted.ratio < 3);
});
