import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../src/platform/auth/passwords';
import type { PlatformTables } from '../src/platform/db/tables';
import { withTransaction } from '../src/platform/db/transaction';
import { ROLE_LABELS } from '../src/platform/auth/roles';
import { DEMO_PASSWORD, demoAgentEmail, demoRoles } from './accounts';
import { seedAids } from './aids';
import { seedApplicationForms } from '../src/modules/applications/seed-forms';
import { seedContent } from './content';
import { seedHelpPlaces } from './help';
import { seedId } from './ids';
import { seedAgenda } from './agenda';
import { seedOrientation } from './orientation';
import { seedProcedures } from './procedures';
import { seedTrainings } from './trainings';
import { logoSvg } from './logos';
import { demoTenants } from './tenants';
import { rebuildSearchIndex } from '../src/modules/search';

export interface SeedResult {
  created: boolean;
  accounts: Array<{ email: string; password: string }>;
}

/**
 * Seeds the Bretagne demo. Idempotent: every row has a stable id and is inserted only if
 * missing, so a second start changes nothing (tests count rows before and after).
 */
export async function seedDemo(db: Kysely<PlatformTables>): Promise<SeedResult> {
  const existing = new Set((await db.selectFrom('platform_tenants').select('id').execute()).map((t) => t.id));
  const missingAccounts = await missingDemoAccounts(db);
  const passwordHash = missingAccounts.length ? await hashPassword(DEMO_PASSWORD) : '';
  let created = false;

  await withTransaction(db, async (trx) => {
    // Parents first: the list is ordered so that a parent always precedes its children.
    for (const { initials, ...tenant } of demoTenants) {
      if (existing.has(tenant.id)) continue;
      created = true;
      const svg = logoSvg(initials, tenant.accent_color ?? "#0b5394");
      const logoId = seedId('logo', tenant.id);
      await trx.insertInto('platform_tenants').values({ ...tenant, logo_media_id: null }).execute();
      await trx
        .insertInto('platform_media')
        .values({ id: logoId, tenant_id: tenant.id, content_type: 'image/svg+xml', bytes: Buffer.from(svg), sha256: sha256(svg) })
        .execute();
      await trx.updateTable('platform_tenants').set({ logo_media_id: logoId }).where('id', '=', tenant.id).execute();
    }
    for (const agent of missingAccounts) {
      created = true;
      await trx
        .insertInto('platform_accounts')
        .values({ id: agent.id, email: agent.email, display_name: agent.displayName, password_hash: passwordHash })
        .execute();
      await trx.insertInto('platform_memberships').values({ account_id: agent.id, tenant_id: agent.tenantId, role: agent.role }).execute();
    }
  });
  // Each module's demo data, after the tenants and agents it refers to.
  if (await seedContent(db)) created = true;
  if (await seedHelpPlaces(db)) created = true;
  if (await seedAids(db)) created = true;
  if (await seedApplicationForms(db)) created = true;
  if (await seedProcedures(db)) created = true;
  if (await seedOrientation(db)) created = true;
  if (await seedAgenda(db)) created = true;
  if (await seedTrainings(db)) created = true;
  // The seed writes rows directly, so the search index is rebuilt from them (as npm run reindex does).
  if (created) await rebuildSearchIndex(db);

  return {
    created,
    accounts: [{ email: demoAgentEmail('administrateur', 'bretagne'), password: DEMO_PASSWORD }, { email: demoAgentEmail('editeur', 'brest'), password: DEMO_PASSWORD }],
  };
}

async function missingDemoAccounts(db: Kysely<PlatformTables>) {
  const agents = demoTenants.flatMap((tenant) =>
    demoRoles.map((role) => ({
      id: seedId('agent', role, tenant.id),
      email: demoAgentEmail(role, tenant.id),
      displayName: `${ROLE_LABELS[role]} ${tenant.short_name}`,
      tenantId: tenant.id,
      role,
    })),
  );
  const present = new Set((await db.selectFrom('platform_accounts').select('id').execute()).map((a) => a.id));
  return agents.filter((a) => !present.has(a.id));
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
