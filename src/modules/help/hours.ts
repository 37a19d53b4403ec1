/**
 * Opening hours as a person reads them: "Du lundi au vendredi : de 9 h à 12 h et de 14 h à 17 h".
 * The open data gives them in the OpenStreetMap `opening_hours` syntax (médiation numérique),
 * as one text per weekday (France Services 2020), or as free French text.
 */

const DAY_NAMES = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/** "9 h", "9 h 30", "12 h 05". */
export function frenchTime(hhmm: string): string | null {
  const match = /^(\d{1,2})[:h](\d{2})$/.exec(hhmm.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59) return null;
  return minutes === 0 ? `${hours} h` : `${hours} h ${String(minutes).padStart(2, '0')}`;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function clock(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "de 9 h à 12 h et de 14 h à 17 h" for [[540, 720], [840, 1020]]. */
function describeIntervals(intervals: Array<[number, number]>): string {
  return joinFrench(intervals.map(([from, to]) => `de ${frenchTime(clock(from))} à ${frenchTime(clock(to))}`));
}

function joinFrench(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} et ${parts[parts.length - 1]}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "du lundi au mercredi et vendredi" for days [0, 1, 2, 4]. */
function describeDays(days: number[]): string {
  const runs: number[][] = [];
  for (const day of days) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === day - 1) last.push(day);
    else runs.push([day]);
  }
  const parts = runs.flatMap((run) =>
    run.length >= 3 ? [`du ${DAY_NAMES[run[0]!]} au ${DAY_NAMES[run[run.length - 1]!]}`] : run.map((d) => DAY_NAMES[d]!),
  );
  return joinFrench(parts);
}

/**
 * One line per group of days that share the same hours, in week order. `week[0]` is Monday;
 * null means closed. Returns null when no day is open.
 */
export function describeWeek(week: Array<string | null>): string | null {
  const groups = new Map<string, number[]>();
  week.forEach((text, day) => {
    if (!text) return;
    groups.set(text, [...(groups.get(text) ?? []), day]);
  });
  if (groups.size === 0) return null;
  return [...groups].map(([text, days]) => `${capitalize(describeDays(days))} : ${text}`).join('\n');
}

/**
 * Reads the OpenStreetMap `opening_hours` syntax used by the médiation numérique data
 * ("Mo-Fr 09:00-12:00,14:00-17:00; Th off"). A later rule replaces the hours of the days it
 * names, as in OSM. Returns undefined when the text does not follow the syntax.
 */
export function parseOsmHours(spec: string): Array<string | null> | undefined {
  const week: Array<Array<[number, number]>> = [[], [], [], [], [], [], []];
  const rules = spec.split(';').map((r) => r.trim()).filter(Boolean);
  if (rules.length === 0) return undefined;
  for (const rule of rules) {
    const match = /^([A-Z][a-z](?:\s*[-,]\s*[A-Z][a-z])*)\s+(.+)$/.exec(rule);
    if (!match) return undefined;
    const days = parseOsmDays(match[1]!);
    if (!days) return undefined;
    const times = match[2]!.trim();
    if (times === 'off' || times === 'closed') {
      for (const day of days) week[day] = [];
      continue;
    }
    const intervals: Array<[number, number]> = [];
    for (const range of times.split(',')) {
      const parts = /^(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(range.trim());
      if (!parts) return undefined;
      const from = minutesOf(parts[1]!);
      const to = minutesOf(parts[2]!);
      if (to < from || to > 24 * 60) return undefined;
      if (to > from) intervals.push([from, to]);
    }
    for (const day of days) week[day] = mergeIntervals(intervals);
  }
  return week.map((intervals) => (intervals.length ? describeIntervals(intervals) : null));
}

function parseOsmDays(text: string): number[] | undefined {
  const days: number[] = [];
  for (const part of text.split(',')) {
    const [first, last] = part.split('-').map((d) => OSM_DAYS.indexOf(d.trim()));
    if (first === undefined || first < 0) return undefined;
    if (last === undefined) {
      days.push(first);
      continue;
    }
    if (last < 0) return undefined;
    for (let day = first; ; day = (day + 1) % 7) {
      days.push(day);
      if (day === last) break;
    }
  }
  return days;
}

/** Sorts and joins touching intervals: 12:30–13:00 and 13:00–16:30 make 12:30–16:30. */
function mergeIntervals(intervals: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/**
 * One weekday of the France Services 2020 data: "9:00 - 12:00 / 13:30 - 17:00", "-" (closed),
 * "Sur RDV : 9:00 - 12:30 / Sans RDV : 13:30 - 17:00". Returns undefined when unreadable.
 */
export function parseFranceServicesDay(text: string): string | null | undefined {
  const value = text.trim();
  if (value === '' || value === '-') return null;
  const segments: string[] = [];
  for (const raw of value.split('/')) {
    const match = /^(?:(sur|sans) rdv\s*:\s*)?(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/i.exec(raw.trim());
    if (!match) return undefined;
    const from = frenchTime(match[2]!);
    const to = frenchTime(match[3]!);
    if (!from || !to) return undefined;
    const condition = match[1] ? (match[1].toLowerCase() === 'sur' ? ' sur rendez-vous' : ' sans rendez-vous') : '';
    segments.push(`de ${from} à ${to}${condition}`);
  }
  return joinFrench(segments);
}

/** Free text as published, tidied: no-break spaces and runs of spaces become single spaces. */
export function tidyText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * The hours of a médiation numérique place: OSM syntax when it follows it, else the French
 * text as published; null when nothing usable is given.
 */
export function mediationHoursToFrench(spec: string | undefined | null): string | null {
  const text = tidyText(spec ?? '');
  if (!text) return null;
  const week = parseOsmHours(text);
  if (week) return describeWeek(week);
  // Looks like OSM but breaks its syntax ("Mo 18:00"): better say nothing than mislead.
  if (/^(?:Mo|Tu|We|Th|Fr|Sa|Su)\b/.test(text)) return null;
  return text;
}

/** The hours of a France Services site (one text per weekday, Monday to Saturday). */
export function franceServicesHoursToFrench(days: string[], comment = ''): string | null {
  if (days.every((d) => /non communiqu/i.test(d))) return tidyText(comment) || null;
  const week: Array<string | null> = [];
  for (const day of days) {
    const parsed = parseFranceServicesDay(day);
    if (parsed === undefined) return tidyText(comment) || null;
    week.push(parsed);
  }
  while (week.length < 7) week.push(null);
  const described = describeWeek(week);
  const note = tidyText(comment);
  return described && note ? `${described}\n${note}` : (described ?? (note || null));
}
