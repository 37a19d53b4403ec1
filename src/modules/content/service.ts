import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit } from '../../platform/audit/audit';
import type { PlatformTables } from '../../platform/db/tables';
import { withTransaction } from '../../platform/db/transaction';
import { NotFoundError } from '../../platform/http/errors';
import { contentChanged } from './page-cache';
import { checkAlt, KIND_WORDS, parseContentForm, type ContentFormValues } from './content-form';
import type { FieldErrors } from '../../platform/views/form';
import { appendVersion, contentDb, platformOf, getItem, getVersion, insertItem, insertMedia, setPublished, slugTaken, tenantImageExists } from './store';
import type { ContentItem, ContentKind } from './tables';
import type { Actor } from '../../platform/audit/audit';
import { indexContentItem } from './search-source';

export type { Actor };

export type SaveResult =
  | { ok: true; itemId: string; version: number }
  | { ok: false; values: ContentFormValues; errors: FieldErrors };

/**
 * Creates an item (when `itemId` is absent) or adds a version to it. Each save is a new
 * version; the change and its audit row are written in one transaction.
 */
export async function saveContent(
  platformDb: Kysely<PlatformTables>,
  actor: Actor,
  tenantId: string,
  target: { kind: ContentKind; item?: ContentItem },
  body: Record<string, unknown>,
): Promise<SaveResult> {
  const db = contentDb(platformDb);
  const parsed = parseContentForm(body);
  const { values, errors } = parsed;

  // A valid image is kept even if another field is wrong, so the person does not choose it again.
  let imageId: string | null = null;
  if (parsed.upload) {
    imageId = randomUUID();
    await insertMedia(db, tenantId, {
      id: imageId,
      contentType: parsed.upload.type,
      bytes: parsed.upload.bytes,
      sha256: createHash('sha256').update(parsed.upload.bytes).digest('hex'),
      createdBy: actor.id,
    });
  } else if (values.image_pending && !errors.image && (await tenantImageExists(db, tenantId, values.image_pending))) {
    imageId = values.image_pending;
  }
  values.image_pending = imageId ?? '';
  if (!imageId && target.item && !values.image_remove) {
    const current = await getVersion(db, tenantId, target.item.id, target.item.latest_version);
    imageId = current?.image_media_id ?? null;
  }
  checkAlt(parsed, imageId !== null);

  if (!errors.slug && parsed.slug && (await slugTaken(db, tenantId, target.kind, parsed.slug, target.item?.id))) {
    errors.slug = `Cette adresse est déjà utilisée par ${KIND_WORDS[target.kind].a} de votre collectivité. Choisissez-en une autre.`;
  }
  if (!values.slug && parsed.slug) values.slug = parsed.slug;
  if (Object.keys(errors).length) return { ok: false, values, errors };

  const version = {
    title: values.title,
    summary: values.summary,
    body: values.body,
    image_media_id: imageId,
    image_alt: imageId ? (values.image_decorative ? '' : values.image_alt) : null,
    tags: parsed.tags,
  };
  try {
    return await withTransaction(db, async (trx, afterCommit) => {
      afterCommit(() => contentChanged(platformDb));
      const itemId = target.item?.id ?? randomUUID();
      if (!target.item) await insertItem(trx, { id: itemId, tenantId, kind: target.kind, slug: parsed.slug });
      const proOnly = target.kind === 'page' && values.pro_only;
      if (proOnly !== (target.item?.pro_only ?? false)) {
        await trx.updateTable('content_items').set({ pro_only: proOnly }).where('tenant_id', '=', tenantId).where('id', '=', itemId).execute();
        // Made pro-only (or public again) while published: out of (or back into) the search at once.
        if (target.item?.published_version != null) await indexContentItem(trx, { id: itemId, kind: target.kind, published_version: target.item.published_version });
      }
      const number = await appendVersion(trx, tenantId, itemId, version, {
        authorId: actor.id,
        authorLabel: actor.label,
        note: target.item ? 'Modification' : 'Création',
        slug: parsed.slug,
      });
      await audit(platformOf(trx), {
        action: target.item ? 'content.update' : 'content.create',
        actor,
        tenantId,
        targetType: 'content_item',
        targetId: itemId,
        details: { title: version.title, kind: target.kind, slug: parsed.slug, version: number },
      });
      return { ok: true as const, itemId, version: number };
    });
  } catch (error) {
    // Two editors choosing the same address at the same moment: the unique index decides.
    if ((error as { code?: string }).code === '23505') {
      return { ok: false, values, errors: { slug: `Cette adresse est déjà utilisée par ${KIND_WORDS[target.kind].a} de votre collectivité. Choisissez-en une autre.` } };
    }
    throw error;
  }
}

export async function publishContent(platformDb: Kysely<PlatformTables>, actor: Actor, tenantId: string, itemId: string, publish: boolean) {
  await withTransaction(contentDb(platformDb), async (trx, afterCommit) => {
    afterCommit(() => contentChanged(platformDb));
    const item = await setPublished(trx, tenantId, itemId, publish);
    if (!item) throw new NotFoundError();
    await indexContentItem(trx, item);
    await audit(platformOf(trx), {
      action: publish ? 'content.publish' : 'content.unpublish',
      actor,
      tenantId,
      targetType: 'content_item',
      targetId: itemId,
      details: { title: (await getVersion(trx, tenantId, itemId, item.latest_version))?.title, kind: item.kind, slug: item.slug, version: publish ? item.published_version : null },
    });
  });
}

/** Makes a new version that copies an old one; the published version does not change. */
export async function restoreVersion(platformDb: Kysely<PlatformTables>, actor: Actor, tenantId: string, itemId: string, versionNumber: number): Promise<number> {
  const db = contentDb(platformDb);
  const [item, old] = [await getItem(db, tenantId, itemId), await getVersion(db, tenantId, itemId, versionNumber)];
  if (!item || !old) throw new NotFoundError();
  return withTransaction(db, async (trx, afterCommit) => {
    afterCommit(() => contentChanged(platformDb));
    const number = await appendVersion(
      trx,
      tenantId,
      itemId,
      { title: old.title, summary: old.summary, body: old.body, image_media_id: old.image_media_id, image_alt: old.image_alt, tags: old.tags },
      { authorId: actor.id, authorLabel: actor.label, note: `Restauration de la version ${old.version}` },
    );
    await audit(platformOf(trx), {
      action: 'content.restore',
      actor,
      tenantId,
      targetType: 'content_item',
      targetId: itemId,
      details: { title: old.title, kind: item.kind, slug: item.slug, restored: old.version, version: number },
    });
    return number;
  });
}
