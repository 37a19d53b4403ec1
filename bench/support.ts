/**
 * What the engine benches (search.ts, trainings.ts, eligibility.ts) share: the same queries at
 * every run, percentiles, timing a list of calls after a warm-up, and a report row beside its target.
 */

/** Deterministic pseudo-random numbers (mulberry32), so every run asks the same queries. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The p-th percentile of samples sorted in increasing order (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export interface Timings<T> {
  p50: number;
  p95: number;
  /** This process's mean CPU per item, in ms: what a loaded machine does not inflate (PGlite's work included, PostgreSQL's server not). */
  cpu: number;
  /** The five slowest items, slowest first. */
  slowest: Array<{ item: T; ms: number }>;
}

/** Runs `fn` once per item to warm up (JIT, buffers, in-memory dictionaries), then once more, timed. */
export async function timeAll<T>(items: T[], fn: (item: T) => Promise<unknown>): Promise<Timings<T>> {
  for (const item of items) await fn(item);
  const timed: Array<{ item: T; ms: number }> = [];
  const cpuBefore = process.cpuUsage();
  for (const item of items) {
    const started = performance.now();
    await fn(item);
    timed.push({ item, ms: performance.now() - started });
  }
  const cpu = process.cpuUsage(cpuBefore);
  const samples = timed.map((t) => t.ms).sort((a, b) => a - b);
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    cpu: (cpu.user + cpu.system) / 1000 / items.length,
    slowest: timed.sort((a, b) => b.ms - a.ms).slice(0, 5),
  };
}

/** One line of a report table: p50 and p95 in ms, and whether p95 meets the target (rows with one). */
export function reportRow(engine: string, measure: string, t: { p50: number; p95: number }, targetMs?: number) {
  return {
    engine,
    measure,
    'p50 ms': Number(t.p50.toFixed(1)),
    'p95 ms': Number(t.p95.toFixed(1)),
    target: targetMs === undefined ? '' : t.p95 < targetMs ? 'yes' : 'NO',
  };
}
