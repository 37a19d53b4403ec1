/**
 * EcoIndex exactly as ARCHITECTURE.md states it (the cnumr reference method):
 * EcoIndex = 100 − 5 × (3·q(dom) + 2·q(requests) + q(KB)) / 6, where q(x) is x's linear position
 * among the quantiles below (index 0–20).
 */
export const QUANTILES = {
  dom: [0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601],
  requests: [0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920],
  kb: [
    0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27, 1876.08, 2142.06, 2465.37,
    2866.31, 3401.59, 4155.73, 5400.08, 8037.54, 223212.26,
  ],
} as const;

/** The position of `value` among `quantiles`: i + (value − q[i]) / (q[i+1] − q[i]), capped at the last index. */
export function quantilePosition(quantiles: readonly number[], value: number): number {
  for (let i = 1; i < quantiles.length; i++) {
    if (value < quantiles[i]!) return i - 1 + (value - quantiles[i - 1]!) / (quantiles[i]! - quantiles[i - 1]!);
  }
  return quantiles.length - 1;
}

export interface PageWeight {
  dom: number;
  requests: number;
  kb: number;
}

/** The EcoIndex score, unrounded (0–100). */
export function ecoIndex({ dom, requests, kb }: PageWeight): number {
  const q = 3 * quantilePosition(QUANTILES.dom, dom) + 2 * quantilePosition(QUANTILES.requests, requests) + quantilePosition(QUANTILES.kb, kb);
  return 100 - (5 * q) / 6;
}

/** The letter grade of the reference method. */
export function ecoGrade(score: number): string {
  const bounds: Array<[number, string]> = [[80, 'A'], [70, 'B'], [55, 'C'], [40, 'D'], [25, 'E'], [10, 'F']];
  return bounds.find(([min]) => score > min)?.[1] ?? 'G';
}
