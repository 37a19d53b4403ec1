import type { BadgeTone } from '../../platform/views/components';
import type { Aid } from './format';

/** Days before the closing date when an aid shows « Bientôt close ». */
export const CLOSING_SOON_DAYS = 30;

export interface Openness {
  label: 'Ouverte' | 'Bientôt close' | 'Close' | 'Pas encore ouverte';
  tone: BadgeTone;
}

/** Whether one can apply today (an ISO day, Paris time): from the aid's dates. */
export function aidOpenness(dates: Aid['dates'], today: string): Openness {
  if (dates.permanent) return { label: 'Ouverte', tone: 'success' };
  if (dates.opening && today < dates.opening) return { label: 'Pas encore ouverte', tone: 'neutral' };
  if (dates.closing) {
    if (today > dates.closing) return { label: 'Close', tone: 'error' };
    const daysLeft = (Date.parse(`${dates.closing}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
    if (daysLeft <= CLOSING_SOON_DAYS) return { label: 'Bientôt close', tone: 'warning' };
  }
  return { label: 'Ouverte', tone: 'success' };
}
