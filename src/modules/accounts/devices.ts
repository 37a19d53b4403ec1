import { UAParser } from 'ua-parser-js';

export interface DeviceDescription {
  /** "Ordinateur", "Téléphone mobile", "Tablette"… */
  kind: string;
  /** "Firefox", or "Navigateur inconnu". */
  browser: string;
  /** "Windows", "Android", or "système inconnu". */
  system: string;
  /** e.g. "Firefox sur Windows (ordinateur)" */
  label: string;
  /** What makes two sign-ins "the same device" for the new sign-in notice (no version numbers). */
  key: string;
}

const kinds: Record<string, string> = {
  mobile: 'Téléphone mobile',
  tablet: 'Tablette',
  smarttv: 'Télévision',
  console: 'Console de jeu',
  wearable: 'Montre connectée',
  xr: 'Casque de réalité virtuelle',
  embedded: 'Appareil intégré',
};

/** The device and browser of a User-Agent, in French words a person recognises. */
export function describeDevice(userAgent: string): DeviceDescription {
  const result = UAParser(userAgent);
  const kind = kinds[result.device.type ?? ''] ?? (userAgent ? 'Ordinateur' : 'Appareil inconnu');
  const browser = result.browser.name ?? 'Navigateur inconnu';
  const system = result.os.name ?? 'système inconnu';
  return {
    kind,
    browser,
    system,
    label: `${browser} sur ${system} (${kind.toLowerCase()})`,
    key: `${browser}|${system}|${result.device.type ?? 'desktop'}`,
  };
}

/** An IP address shown in part: enough to recognise a place, not to identify a line. */
export function partialIp(ip: unknown): string {
  if (typeof ip !== 'string' || !ip) return 'inconnue';
  const v4 = /^(?:::ffff:)?(\d+)\.(\d+)\.\d+\.\d+$/.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.x.x`;
  if (ip.includes(':')) return `${ip.split(':').slice(0, 2).join(':')}:…`;
  return 'inconnue';
}

export const methodLabels: Record<string, string> = {
  password: 'Mot de passe',
  franceconnect: 'FranceConnect',
  sso: 'Connexion partagée depuis le portail Guichet',
  mail_link: 'Lien de connexion reçu par courriel',
};
