import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ecoGrade, ecoIndex, quantilePosition, QUANTILES } from './ecoindex';

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

test('quantile position is linear between two bounds and capped at 20', () => {
  close(quantilePosition(QUANTILES.dom, 0), 0);
  close(quantilePosition(QUANTILES.dom, 47), 1);
  // 100 lies between 75 (index 2) and 159 (index 3): 2 + 25/84.
  close(quantilePosition(QUANTILES.dom, 100), 2 + 25 / 84);
  close(quantilePosition(QUANTILES.requests, 4), 1 + 2 / 13);
  close(quantilePosition(QUANTILES.kb, 1_000_000), 20);
});

test('EcoIndex matches values computed by hand from the formula', () => {
  // Empty page: every q is 0.
  close(ecoIndex({ dom: 0, requests: 0, kb: 0 }), 100);
  // dom 100 → 2 + 25/84; requests 100 → 12 + 5/10; KB 100 → 1 + 98.63/143.33.
  const q100 = 3 * (2 + 25 / 84) + 2 * 12.5 + (1 + 98.63 / 143.33);
  close(ecoIndex({ dom: 100, requests: 100, kb: 100 }), 100 - (5 * q100) / 6);
  assert.equal(Math.round(ecoIndex({ dom: 100, requests: 100, kb: 100 })), 72);
  // A light page: dom 240 → 4 + 7/65; 4 requests → 1 + 2/13; 30 KB → 1 + 28.63/143.33.
  const qLight = 3 * (4 + 7 / 65) + 2 * (1 + 2 / 13) + (1 + 28.63 / 143.33);
  close(ecoIndex({ dom: 240, requests: 4, kb: 30 }), 100 - (5 * qLight) / 6);
  assert.equal(Math.round(ecoIndex({ dom: 240, requests: 4, kb: 30 })), 87);
  // Beyond every last quantile the score is 0.
  close(ecoIndex({ dom: 10_000_000, requests: 10_000, kb: 10_000_000 }), 0);
});

test('the budgets of ARCHITECTURE.md give grade A only for light pages', () => {
  assert.equal(ecoGrade(ecoIndex({ dom: 240, requests: 4, kb: 30 })), 'A');
  assert.equal(ecoGrade(ecoIndex({ dom: 100, requests: 100, kb: 100 })), 'B');
  assert.equal(ecoGrade(0), 'G');
  // At the request and weight ceilings (6 requests, 60 KB) a page needs fewer than ~276 nodes for 85:
  // the EcoIndex budget is stricter than the DOM ≤ 500 ceiling.
  assert.ok(ecoIndex({ dom: 270, requests: 6, kb: 60 }) >= 85);
  assert.ok(ecoIndex({ dom: 500, requests: 6, kb: 60 }) < 85);
});
