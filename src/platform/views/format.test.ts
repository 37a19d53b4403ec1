import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime, formatDay, formatEuros, formatMonth, formatNumber, parisToday } from './format';

// Intl separates thousands with a narrow no-break space (U+202F): the person reads « 1 200 ».
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

test('amounts in French: « 1 200 € », cents only when there are some, never broken before €', () => {
  assert.equal(plain(formatEuros(1200)), '1 200 €');
  assert.equal(plain(formatEuros(12.5)), '12,50 €');
  assert.equal(plain(formatEuros(0)), '0 €');
  assert.match(formatEuros(30), /30\u00a0€$/);
  assert.equal(plain(formatNumber(1234567.891)), '1 234 567,89');
});

test('dates in French: « 3 décembre 2026 », in Paris time; an ISO day stays that day', () => {
  assert.equal(formatDay('2026-12-03'), '3 décembre 2026');
  assert.equal(formatDay('pas une date'), 'pas une date');
  // 23:30 UTC on 3 December is already 4 December in Paris.
  assert.equal(formatDate(new Date('2026-12-03T23:30:00Z')), '4 décembre 2026');
  assert.equal(formatDateTime(new Date('2026-12-03T13:05:00Z')), '3 décembre 2026 à 14:05');
  assert.equal(formatMonth('2026-12-03'), 'décembre 2026');
  assert.equal(parisToday(new Date('2026-12-03T23:30:00Z')), '2026-12-04');
});
