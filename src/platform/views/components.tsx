import type { ComponentChildren } from 'preact';
import type { Role } from '../db/tables';
import { formatDate, formatNumber } from './format';
import type { Crumb } from './site';

export function Breadcrumb({ items, label = 'Vous êtes ici' }: { items: Crumb[]; label?: string }) {
  return (
    <nav class="breadcrumb" aria-label={label}>
      <ol>
        {items.map((item, index) =>
          item.href && index < items.length - 1 ? (
            <li>
              <a href={item.href}>{item.label}</a>
            </li>
          ) : (
            <li aria-current="page">{item.label}</li>
          ),
        )}
      </ol>
    </nav>
  );
}

export function Notice({ kind = 'info', title, children }: { kind?: 'info' | 'success' | 'warning'; title?: string; children?: ComponentChildren }) {
  return (
    <div class={`notice notice--${kind}`} role={kind === 'success' ? 'status' : undefined}>
      {title ? <p class="notice__title">{title}</p> : null}
      {children}
    </div>
  );
}

export function DateText({ date }: { date: Date | string }) {
  const value = typeof date === 'string' ? new Date(date) : date;
  return <time dateTime={value.toISOString()}>{formatDate(value)}</time>;
}

export { formatDate, formatDateTime, formatDay, formatEuros, formatNumber } from './format';

export type BadgeTone = 'success' | 'warning' | 'error' | 'info' | 'neutral';

/** An agent's role as a badge: administrateur stands out, lecteur is neutral. */
export const ROLE_TONES: Record<Role, BadgeTone> = {
  administrateur: 'warning',
  editeur: 'info',
  instructeur: 'success',
  conseiller: 'success',
  lecteur: 'neutral',
};

/** A status badge: colour, words and a pill shape (never colour alone); the tones are in palette.ts. */
export function Badge({ tone, children }: { tone: BadgeTone; children: ComponentChildren }) {
  return <span class={`badge badge--${tone}`}>{children}</span>;
}

/** A French phone number as an international tel: link (02 99 27 10 10 → tel:+33299271010). */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${/^0\d{9}$/.test(digits) ? `+33${digits.slice(1)}` : digits}`;
}

/** "Page précédente · Page n sur N · Page suivante", the one pagination of every list. */
export function Pagination({ page, pages, href, label = 'Pagination' }: {
  page: number;
  pages: number;
  href: (page: number) => string;
  /** Names the navigation for screen readers, e.g. "Pages de résultats". */
  label?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={label}>
      <ul>
        {page > 1 ? (
          <li>
            <a href={href(page - 1)} rel="prev">Page précédente</a>
          </li>
        ) : null}
        <li aria-current="page">
          Page {formatNumber(page)} sur {formatNumber(pages)}
        </li>
        {page < pages ? (
          <li>
            <a href={href(page + 1)} rel="next">Page suivante</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
