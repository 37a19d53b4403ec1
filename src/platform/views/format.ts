/**
 * French formats, the one helper for every page: « 1 200 € », « 3 décembre 2026 »,
 * « 3 décembre 2026 à 14:05 ». Dates are shown in Paris time; a day without time (an ISO
 * « 2026-12-03 ») is shown as that day, wherever the server runs.
 */
const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const dayFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });
const monthYearFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });
const wholeEuros = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const centEuros = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** « 3 décembre 2026 » (Paris time). */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** « 3 décembre 2026 à 14:05 » (Paris time). */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

/** An ISO day « 2026-12-03 » as « 3 décembre 2026 »; anything else is returned as it is. */
export function formatDay(iso: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(NaN);
  return Number.isNaN(date.getTime()) ? iso : dayFormat.format(date);
}

/** « décembre 2026 », from an ISO day or month. */
export function formatMonth(iso: string): string {
  const date = new Date(`${iso.slice(0, 7)}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? iso : monthYearFormat.format(date);
}

/** « 1 200 », « 12,5 » (narrow no-break space between thousands). */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** « 1 200 € », « 12,50 € » (cents shown only when there are some). */
export function formatEuros(value: number): string {
  const cents = Math.round(value * 100) % 100 !== 0;
  return `${(cents ? centEuros : wholeEuros).format(value)}\u00a0€`;
}

/** Today in Paris, as an ISO day « 2026-12-03 ». */
export function parisToday(now = new Date()): string {
  return parisDay.format(now);
}
