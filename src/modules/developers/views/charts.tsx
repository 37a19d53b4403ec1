import type { DayUsage } from '../usage';

export interface DaySeries {
  day: string;
  requests: number;
  errors: number;
  p95: number | null;
}

/** Per day: requests, errors and the slowest operation's p95 (what the charts show). */
export function perDay(usage: readonly DayUsage[]): DaySeries[] {
  const days = new Map<string, DaySeries>();
  for (const u of usage) {
    const d = days.get(u.day) ?? { day: u.day, requests: 0, errors: 0, p95: null };
    d.requests += u.requests;
    d.errors += u.errors;
    if (u.p95 !== null) d.p95 = Math.max(d.p95 ?? 0, u.p95);
    days.set(u.day, d);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

const WIDTH = 600;
const HEIGHT = 160;
const LEFT = 48;
const BOTTOM = 24;

/**
 * A bar chart drawn on the server as SVG (no script, no style attribute), described for screen
 * readers by its title; the same figures are in the table that follows it.
 */
export function BarChart({ id, title, bars, unit }: { id: string; title: string; bars: Array<{ label: string; value: number }>; unit: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plotWidth = WIDTH - LEFT - 8;
  const step = bars.length ? plotWidth / bars.length : plotWidth;
  const barWidth = Math.max(2, step * 0.7);
  const scale = (v: number) => ((HEIGHT - BOTTOM - 8) * v) / max;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-labelledby={`${id}-titre`} class="usage-chart">
      <title id={`${id}-titre`}>{`${title} (maximum ${formatNumber(max)} ${unit})`}</title>
      <line x1={LEFT} y1={HEIGHT - BOTTOM} x2={WIDTH - 4} y2={HEIGHT - BOTTOM} stroke="currentColor" />
      <text x={LEFT - 4} y={12} text-anchor="end" font-size="11" fill="currentColor">
        {formatNumber(max)}
      </text>
      <text x={LEFT - 4} y={HEIGHT - BOTTOM} text-anchor="end" font-size="11" fill="currentColor">
        0
      </text>
      {bars.map((bar, index) => {
        const h = scale(bar.value);
        const x = LEFT + index * step + (step - barWidth) / 2;
        return (
          <g>
            <rect x={x.toFixed(1)} y={(HEIGHT - BOTTOM - h).toFixed(1)} width={barWidth.toFixed(1)} height={h.toFixed(1)} fill="#1d4f91">
              <title>{`${bar.label} : ${formatNumber(bar.value)} ${unit}`}</title>
            </rect>
            {bars.length <= 10 || index % Math.ceil(bars.length / 10) === 0 ? (
              <text x={(x + barWidth / 2).toFixed(1)} y={HEIGHT - 6} text-anchor="middle" font-size="10" fill="currentColor">
                {bar.label.slice(5)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(value);
}

/** The three charts of an application's usage and the table of its figures per day and operation. */
export function UsageCharts({ usage }: { usage: readonly DayUsage[] }) {
  if (usage.length === 0) return <p>Aucune requête avec une clé de cette application ces 30 derniers jours.</p>;
  const days = perDay(usage);
  return (
    <>
      <h3>Requêtes par jour</h3>
      <BarChart id="graphe-requetes" title="Requêtes par jour, 30 derniers jours" unit="requêtes" bars={days.map((d) => ({ label: d.day, value: d.requests }))} />
      <h3>Taux d’erreur par jour</h3>
      <BarChart id="graphe-erreurs" title="Part des réponses en erreur (statut 400 ou plus) par jour" unit="%" bars={days.map((d) => ({ label: d.day, value: d.requests ? (100 * d.errors) / d.requests : 0 }))} />
      <h3>Temps de réponse (95e centile) par jour</h3>
      <BarChart id="graphe-latence" title="Temps de réponse sous lequel tombent 95 % des requêtes, par jour (l’opération la plus lente)" unit="ms" bars={days.map((d) => ({ label: d.day, value: d.p95 ?? 5000 }))} />
      <div class="table-scroll">
        <table>
          <caption>Utilisation par jour et par opération</caption>
          <thead>
            <tr>
              <th scope="col">Jour</th>
              <th scope="col">Opération</th>
              <th scope="col">Requêtes</th>
              <th scope="col">Erreurs</th>
              <th scope="col">95e centile</th>
            </tr>
          </thead>
          <tbody>
            {usage.map((u) => (
              <tr>
                <td>{u.day}</td>
                <td>
                  <code>{u.operation}</code>
                </td>
                <td>{formatNumber(u.requests)}</td>
                <td>{u.requests ? `${formatNumber((100 * u.errors) / u.requests)} %` : '–'}</td>
                <td>{u.p95 === null ? 'plus de 5 s' : `≤ ${u.p95} ms`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
