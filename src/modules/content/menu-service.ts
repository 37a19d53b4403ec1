import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit } from '../../platform/audit/audit';
import type { PlatformTables } from '../../platform/db/tables';
import { withTransaction } from '../../platform/db/transaction';
import { NotFoundError } from '../../platform/http/errors';
import type { FieldErrors } from '../../platform/views/form';
import { contentChanged } from './page-cache';
import { addMenuEntry, listMenu, removeMenuEntry, renameMenuEntry, reorderMenu } from './menu-store';
import type { Actor } from './service';
import { contentDb, getItem, isUuid, platformOf } from './store';

export const MENU_MAX_ENTRIES = 8;
export const NEWS_TARGET = 'actualites';

function checkLabel(label: string): string | undefined {
  if (!label) return "Saisissez l'intitulé du lien.";
  if (label.length > 60) return "L'intitulé doit faire 60 caractères au plus.";
  return undefined;
}

export type MenuChange = { op: 'add'; label: string; target: string } | { op: 'rename'; id: string; label: string } | { op: 'up' | 'down' | 'remove'; id: string };

export type MenuResult = { ok: true } | { ok: false; errors: FieldErrors };

/** Applies one change to a tenant's menu, audited as menu.update in the same transaction. */
export async function changeMenu(platformDb: Kysely<PlatformTables>, actor: Actor, tenantId: string, change: MenuChange): Promise<MenuResult> {
  const db = contentDb(platformDb);
  if (change.op !== 'add' && !isUuid(change.id)) throw new NotFoundError();
  const errors: FieldErrors = {};
  let targetItemId: string | null = null;
  if (change.op === 'add') {
    const labelError = checkLabel(change.label);
    if (labelError) errors.label = labelError;
    if (change.target !== NEWS_TARGET) {
      const page = isUuid(change.target) ? await getItem(db, tenantId, change.target) : undefined;
      if (!page || page.kind !== 'page') errors.target = 'Choisissez la page vers laquelle le lien mène.';
      else targetItemId = page.id;
    }
    const count = (await listMenu(db, tenantId)).length;
    if (count >= MENU_MAX_ENTRIES) errors.label = `Le menu a déjà ${MENU_MAX_ENTRIES} liens, le maximum pour rester lisible. Retirez-en un avant d'en ajouter.`;
  }
  if (change.op === 'rename') {
    const labelError = checkLabel(change.label);
    if (labelError) errors[`label-${change.id}`] = labelError;
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  await withTransaction(db, async (trx, afterCommit) => {
    afterCommit(() => contentChanged(platformDb));
    let targetId: string;
    if (change.op === 'add') {
      targetId = randomUUID();
      await addMenuEntry(trx, tenantId, { id: targetId, label: change.label, target: targetItemId ? 'page' : 'news', targetItemId });
    } else {
      targetId = change.id;
      if (change.op === 'rename') {
        if (!(await renameMenuEntry(trx, tenantId, change.id, change.label))) throw new NotFoundError();
      } else if (change.op === 'remove') {
        if (!(await removeMenuEntry(trx, tenantId, change.id))) throw new NotFoundError();
      } else {
        const ids = (await listMenu(trx, tenantId)).map((entry) => entry.id);
        const index = ids.indexOf(change.id);
        if (index < 0) throw new NotFoundError();
        const other = change.op === 'up' ? index - 1 : index + 1;
        if (other >= 0 && other < ids.length) [ids[index], ids[other]] = [ids[other]!, ids[index]!];
        await reorderMenu(trx, tenantId, ids);
      }
    }
    await audit(platformOf(trx), {
      action: 'menu.update',
      actor,
      tenantId,
      targetType: 'content_menu_entry',
      targetId,
      details: { op: change.op, ...('label' in change ? { label: change.label } : {}) },
    });
  });
  return { ok: true };
}
