/** Paris time for the agenda: instants from a day and a time typed in Paris, and French labels. */
const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
const dayLabel = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
const timeLabel = new Intl.DateTimeFormat('fr-FR', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Paris' });
const parisDayIso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Minutes Paris is ahead of UTC at this instant (60 or 120). */
function parisOffset(instant: Date): number {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/** The instant of « 2027-01-16 » at « 09:30 » in Paris. */
export function parisInstant(day: string, time = '00:00'): Date {
  const naive = Date.parse(`${day}T${time}:00Z`);
  const first = new Date(naive - parisOffset(new Date(naive)) * 60_000);
  return new Date(naive - parisOffset(first) * 60_000);
}

/** « 2027-01-16 » and « 09:30 » of an instant, in Paris. */
export function parisParts(instant: Date): { day: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

export function parisDay(instant: Date): string {
  return parisDayIso.format(instant);
}

/** The next day of an ISO day. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

const hour = (d: Date) => timeLabel.format(d).replace(':', ' h ').replace(/ h 00$/, ' h');

/** « samedi 16 janvier 2027, de 9 h à 17 h », or « du … au … » over several days. */
export function whenLabel(starts: Date, ends: Date): string {
  if (parisDay(starts) === parisDay(ends)) return `${dayLabel.format(starts)}, de ${hour(starts)} à ${hour(ends)}`;
  return `du ${dayLabel.format(starts)} à ${hour(starts)} au ${dayLabel.format(ends)} à ${hour(ends)}`;
}
