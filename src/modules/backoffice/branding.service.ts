import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit } from '../../platform/audit/audit';
import { checkAccentContrast, isHexColor, MIN_CONTRAST } from '../../platform/assets/theme';
import type { PlatformTables, Tenant } from '../../platform/db/tables';
import { withTransaction } from '../../platform/db/transaction';
import { indexTenant } from '../../platform/search/tenants';
import type { FieldErrors } from '../../platform/views/form';
import type { Actor } from './admin-page';
import type { LogoCheck } from './logo';

export interface BrandingInput {
  name: string;
  short_name: string;
  accent_color: string;
  description: string;
  contact_address: string;
  contact_phone: string;
  contact_email: string;
}

export const brandingLabels: Record<keyof BrandingInput | 'logo', string> = {
  name: 'Nom de la collectivité',
  short_name: 'Nom court',
  accent_color: 'Couleur principale',
  description: 'Présentation',
  contact_address: 'Adresse postale',
  contact_phone: 'Téléphone',
  contact_email: 'Adresse électronique de contact',
  logo: 'Logo',
};

const LIMITS = { name: 120, short_name: 40, description: 500, contact_address: 300, contact_phone: 30, contact_email: 254 } as const;

export function brandingOf(tenant: Tenant): BrandingInput {
  return {
    name: tenant.name,
    short_name: tenant.short_name,
    accent_color: tenant.accent_color,
    description: tenant.description,
    contact_address: tenant.contact_address,
    contact_phone: tenant.contact_phone,
    contact_email: tenant.contact_email,
  };
}

function text(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  return typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '';
}

/** "2,53:1" */
export function formatRatio(ratio: number): string {
  return `${ratio.toLocaleString('fr-FR', { maximumFractionDigits: 2 })}:1`;
}

/** Normalizes "0B5394", "#0b5394 " to "#0b5394"; anything else is returned as typed. */
export function normalizeHex(value: string): string {
  const candidate = value.trim().startsWith('#') ? value.trim() : `#${value.trim()}`;
  return isHexColor(candidate) ? candidate.toLowerCase() : value.trim();
}

/**
 * The colour a person chose: the proposed shade when they asked for it, else the text field
 * if they typed in it, else the colour picker (browsers without JS send both).
 */
export function chosenAccent(body: Record<string, unknown>): string {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const suggestion = text(body, 'use_suggestion');
  if (suggestion) return normalizeHex(suggestion);
  const typed = text(body, 'accent_color');
  const picked = text(body, 'accent_picker');
  if (typed && !same(typed, text(body, 'accent_initial'))) return normalizeHex(typed);
  if (picked && !same(picked, text(body, 'picker_initial'))) return normalizeHex(picked);
  return normalizeHex(typed || picked);
}

export interface BrandingValidation {
  input: BrandingInput;
  errors: FieldErrors;
  /** A darker shade that passes, when the chosen colour was refused for its contrast. */
  suggestion?: string;
}

export function validateBranding(body: Record<string, unknown>): BrandingValidation {
  const input: BrandingInput = {
    name: text(body, 'name'),
    short_name: text(body, 'short_name'),
    accent_color: chosenAccent(body),
    description: text(body, 'description'),
    contact_address: text(body, 'contact_address'),
    contact_phone: text(body, 'contact_phone'),
    contact_email: text(body, 'contact_email'),
  };
  const errors: FieldErrors = {};
  const tooLong = (key: keyof typeof LIMITS) => {
    if (input[key].length > LIMITS[key]) errors[key] = `${LIMITS[key]} caractères au maximum (vous en avez saisi ${input[key].length}).`;
  };
  if (!input.name) errors.name = 'Saisissez le nom de la collectivité. Exemple : Ville de Brest.';
  else tooLong('name');
  if (!input.short_name) errors.short_name = 'Saisissez un nom court, utilisé quand la place manque. Exemple : Brest.';
  else tooLong('short_name');
  tooLong('description');
  tooLong('contact_address');
  if (input.contact_phone) {
    const digits = input.contact_phone.replace(/\D/g, '').length;
    if (!/^\+?[0-9 .()-]+$/.test(input.contact_phone) || digits < 4 || digits > 15) {
      errors.contact_phone = 'Le numéro de téléphone ne doit contenir que des chiffres, des espaces ou des points. Exemple : 02 98 00 80 80.';
    } else tooLong('contact_phone');
  }
  if (input.contact_email && (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.contact_email) || input.contact_email.length > LIMITS.contact_email)) {
    errors.contact_email = "L'adresse électronique n'est pas valide. Exemple : contact@mairie.fr";
  }
  let suggestion: string | undefined;
  if (!isHexColor(input.accent_color)) {
    errors.accent_color = 'Écrivez la couleur avec # suivi de 6 chiffres ou lettres de a à f. Exemple : #0b5394.';
  } else {
    const contrast = checkAccentContrast(input.accent_color);
    if (!contrast.ok) {
      suggestion = contrast.suggestion;
      errors.accent_color =
        `Cette couleur n'est pas assez contrastée : le texte de cette couleur sur le ${contrast.worstSurface} a un contraste de ` +
        `${formatRatio(contrast.worstRatio)}, il faut au moins ${formatRatio(MIN_CONTRAST)} pour qu'il soit lisible par tous. ` +
        (suggestion ? `La teinte ${suggestion}, plus foncée, convient.` : 'Choisissez une couleur plus foncée.');
    }
  }
  return { input, errors, ...(suggestion ? { suggestion } : {}) };
}

export async function saveBranding(db: Kysely<PlatformTables>, tenant: Tenant, input: BrandingInput, actor: Actor): Promise<string[]> {
  const before = brandingOf(tenant);
  const changed = (Object.keys(input) as Array<keyof BrandingInput>).filter((key) => input[key] !== before[key]);
  await withTransaction(db, async (trx) => {
    await trx
      .updateTable('platform_tenants')
      .set({ ...input, updated_at: new Date() })
      .where('id', '=', tenant.id)
      .execute();
    // The one search finds the authority by its name and presentation: in step with this edit.
    await indexTenant(trx, tenant.id);
    await audit(trx, {
      action: 'branding.update',
      actor,
      tenantId: tenant.id,
      targetType: 'tenant',
      targetId: tenant.id,
      details: { changed, ...(changed.includes('accent_color') ? { accent_color: input.accent_color } : {}) },
    });
  });
  return changed;
}

export async function saveLogo(db: Kysely<PlatformTables>, tenant: Tenant, logo: Extract<LogoCheck, { ok: true }>, actor: Actor): Promise<string> {
  const id = randomUUID();
  await withTransaction(db, async (trx) => {
    await trx
      .insertInto('platform_media')
      .values({ id, tenant_id: tenant.id, content_type: logo.contentType, bytes: logo.bytes, sha256: logo.sha256, created_by: actor.id })
      .execute();
    await trx.updateTable('platform_tenants').set({ logo_media_id: id, updated_at: new Date() }).where('id', '=', tenant.id).execute();
    await audit(trx, {
      action: 'branding.logo',
      actor,
      tenantId: tenant.id,
      targetType: 'media',
      targetId: id,
      details: { content_type: logo.contentType, size: logo.bytes.length, removed_by_sanitizer: logo.removed },
    });
  });
  return id;
}

export async function removeLogo(db: Kysely<PlatformTables>, tenant: Tenant, actor: Actor): Promise<void> {
  await withTransaction(db, async (trx) => {
    await trx.updateTable('platform_tenants').set({ logo_media_id: null, updated_at: new Date() }).where('id', '=', tenant.id).execute();
    await audit(trx, {
      action: 'branding.logo',
      actor,
      tenantId: tenant.id,
      targetType: 'media',
      targetId: tenant.logo_media_id ?? undefined,
      details: { removed: true },
    });
  });
}
