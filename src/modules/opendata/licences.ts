import type { LicenceId } from './tables';

export interface Licence {
  id: LicenceId;
  label: string;
  /** What a reuser may do, in plain words. */
  summary: string;
  /** The licence's text; for the restrictive one, the explanation on /donnees. */
  url: string;
}

export const DEFAULT_LICENCE: LicenceId = 'lo-2.0';

export const LICENCES: Record<LicenceId, Licence> = {
  'lo-2.0': {
    id: 'lo-2.0',
    label: 'Licence Ouverte 2.0 (Etalab)',
    summary: 'Libre réutilisation, même commerciale, en citant la source et la date de mise à jour.',
    url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
  },
  odbl: {
    id: 'odbl',
    label: 'Open Database License (ODbL)',
    summary: 'Libre réutilisation en citant la source ; une base de données qui en est tirée et diffusée doit rester sous la même licence.',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
  },
  restrictive: {
    id: 'restrictive',
    label: 'Licence restrictive',
    summary: 'Consultation libre ; toute réutilisation demande l’accord écrit de la collectivité.',
    url: '/donnees#licence-restrictive',
  },
};

export const isLicence = (value: unknown): value is LicenceId => typeof value === 'string' && Object.hasOwn(LICENCES, value);
