import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { Modality, SessionState, Training, TrainingAction } from './model';
import type { TrainingsTables } from './tables';

export type TrainingsDb = Kysely<PlatformTables & TrainingsTables>;

export function trainingsDb(db: Kysely<PlatformTables>): TrainingsDb {
  return db.withTables<TrainingsTables>();
}

/** The same JSON for the same training whatever the order of its keys: what idempotency compares. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Lower case without accents, in JS, like `immutable_unaccent(lower(…))` in SQL. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The earliest start among an action's sessions (ISO), for the list's order and date filter. */
function nextStart(action: TrainingAction): string | null {
  return action.sessions.map((s) => s.start).sort()[0] ?? null;
}

/**
 * Writes one training and all it holds (organisme, actions, sessions), replacing what was there
 * under its id. Run inside the caller's transaction.
 */
export async function writeTraining(trx: TrainingsDb, tenantId: string, t: Training): Promise<void> {
  const o = t.organisme;
  await trx
    .insertInto('trainings_organismes')
    .values({ id: o.id, tenant_id: tenantId, name: o.name, siret: o.siret, activity_number: o.activityNumber, phone: o.phone, email: o.email, web: o.web, demo: t.demo })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: o.name, siret: o.siret, activity_number: o.activityNumber, phone: o.phone, email: o.email, web: o.web }))
    .execute();
  await trx.deleteFrom('trainings_formations').where('id', '=', t.id).execute();
  await trx
    .insertInto('trainings_formations')
    .values({
      id: t.id, tenant_id: tenantId, organisme_id: o.id, title: t.title, objective: t.objective, content: t.content, results: t.results,
      entry_level: t.entryLevel, exit_level: t.exitLevel, certifying: t.certifying, rncp: t.rncp, rs: t.rs, url: t.url,
      contact_name: t.contact.name, contact_phone: t.contact.phone, contact_email: t.contact.email, rome_codes: t.romeCodes, demo: t.demo, fingerprint: canonical(t),
    })
    .execute();
  const actions = t.actions.map((a, i) => ({
    id: a.id, formation_id: t.id, tenant_id: tenantId, position: i, modality: a.modality, alternance: a.alternance, hours: a.hours, price_euros: a.price,
    publics: a.publics, public_text: a.publicText, financers: a.financers, address_line: a.place.address, postal_code: a.place.postalCode,
    commune_code: a.place.communeCode, commune_name: a.place.commune, latitude: a.place.latitude, longitude: a.place.longitude,
    housing: a.housing, transport: a.transport, meals: a.meals, level: t.exitLevel ?? t.entryLevel, rome_codes: t.romeCodes, search_title: fold(t.title), next_start: nextStart(a),
  }));
  if (actions.length) await trx.insertInto('trainings_actions').values(actions).execute();
  const sessions = t.actions.flatMap((a) =>
    a.sessions.map((s) => ({ id: s.id, action_id: a.id, start_on: s.start, end_on: s.end, places_left: s.placesLeft, state: s.state, enrol_until: s.enrolUntil })),
  );
  for (let i = 0; i < sessions.length; i += 500) await trx.insertInto('trainings_sessions').values(sessions.slice(i, i + 500)).execute();
}

/** Trainings by id, with their tenant and what was last written (the import compares). */
export async function existingTrainings(db: TrainingsDb, ids: string[]): Promise<Map<string, { tenant_id: string; fingerprint: string }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('trainings_formations').select(['id', 'tenant_id', 'fingerprint']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Organismes by id with their tenant: an import may not take another tenant's. */
export async function existingOrganismes(db: TrainingsDb, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('trainings_organismes').select(['id', 'tenant_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.tenant_id]));
}

const day = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

/** One training, whole, as the model (null when unknown). */
export async function readTraining(db: TrainingsDb, id: string): Promise<(Training & { tenantId: string }) | undefined> {
  const f = await db
    .selectFrom('trainings_formations as f')
    .innerJoin('trainings_organismes as o', 'o.id', 'f.organisme_id')
    .selectAll('f')
    .select(['o.name as o_name', 'o.siret as o_siret', 'o.activity_number as o_activity', 'o.phone as o_phone', 'o.email as o_email', 'o.web as o_web'])
    .where('f.id', '=', id)
    .executeTakeFirst();
  if (!f) return undefined;
  const [actions, sessions] = await Promise.all([
    db.selectFrom('trainings_actions').selectAll().where('formation_id', '=', id).orderBy('position').execute(),
    db
      .selectFrom('trainings_sessions as s')
      .innerJoin('trainings_actions as a', 'a.id', 's.action_id')
      .select(['s.id', 's.action_id', day('s.start_on').as('start'), day('s.end_on').as('end'), 's.places_left', 's.state', day('s.enrol_until').as('enrol_until')])
      .where('a.formation_id', '=', id)
      .orderBy('s.start_on')
      .orderBy('s.id')
      .execute(),
  ]);
  return {
    tenantId: f.tenant_id,
    id: f.id, title: f.title, objective: f.objective, content: f.content, results: f.results, entryLevel: f.entry_level, exitLevel: f.exit_level,
    certifying: f.certifying, rncp: f.rncp, rs: f.rs, url: f.url, contact: { name: f.contact_name, phone: f.contact_phone, email: f.contact_email },
    romeCodes: f.rome_codes, demo: f.demo,
    organisme: { id: f.organisme_id, name: f.o_name, siret: f.o_siret, activityNumber: f.o_activity, phone: f.o_phone, email: f.o_email, web: f.o_web },
    actions: actions.map((a) => ({
      id: a.id, modality: a.modality as Modality, alternance: a.alternance, hours: a.hours, price: a.price_euros, publics: a.publics, publicText: a.public_text, financers: a.financers,
      place: { address: a.address_line, postalCode: a.postal_code, communeCode: a.commune_code, commune: a.commune_name, latitude: a.latitude, longitude: a.longitude },
      housing: a.housing, transport: a.transport, meals: a.meals,
      sessions: sessions
        .filter((s) => s.action_id === a.id)
        .map((s) => ({ id: s.id, start: s.start, end: s.end, placesLeft: s.places_left, state: s.state as SessionState, enrolUntil: s.enrol_until })),
    })),
  };
}

/** Every training id of a tenant (or all), in order: the exports read them one page at a time. */
export async function trainingIds(db: TrainingsDb, tenantId?: string, limit = 100_000): Promise<string[]> {
  let q = db.selectFrom('trainings_formations').select('id').orderBy('id').limit(limit);
  if (tenantId) q = q.where('tenant_id', '=', tenantId);
  return (await q.execute()).map((r) => r.id);
}

export async function countTrainings(db: TrainingsDb): Promise<number> {
  const row = await db.selectFrom('trainings_formations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Many new trainings at once (the demo seed, the bench): inserts only, in batches. */
export async function insertTrainings(trx: TrainingsDb, tenantId: string, trainings: Training[]): Promise<void> {
  const batch = async <T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 400) await insert(rows.slice(i, i + 400));
  };
  const organismes = new Map(trainings.map((t) => [t.organisme.id, { ...t.organisme, demo: t.demo }]));
  const known = await existingOrganismes(trx, [...organismes.keys()]);
  await batch([...organismes.values()].filter((o) => !known.has(o.id)), (chunk) =>
    trx.insertInto('trainings_organismes').values(chunk.map((o) => ({ id: o.id, tenant_id: tenantId, name: o.name, siret: o.siret, activity_number: o.activityNumber, phone: o.phone, email: o.email, web: o.web, demo: o.demo }))).execute(),
  );
  await batch(trainings, (chunk) =>
    trx.insertInto('trainings_formations').values(chunk.map((t) => ({
      id: t.id, tenant_id: tenantId, organisme_id: t.organisme.id, title: t.title, objective: t.objective, content: t.content, results: t.results,
      entry_level: t.entryLevel, exit_level: t.exitLevel, certifying: t.certifying, rncp: t.rncp, rs: t.rs, url: t.url,
      contact_name: t.contact.name, contact_phone: t.contact.phone, contact_email: t.contact.email, rome_codes: t.romeCodes, demo: t.demo, fingerprint: canonical(t),
    }))).execute(),
  );
  const actions = trainings.flatMap((t) => t.actions.map((a, i) => ({
    id: a.id, formation_id: t.id, tenant_id: tenantId, position: i, modality: a.modality, alternance: a.alternance, hours: a.hours, price_euros: a.price,
    publics: a.publics, public_text: a.publicText, financers: a.financers, address_line: a.place.address, postal_code: a.place.postalCode,
    commune_code: a.place.communeCode, commune_name: a.place.commune, latitude: a.place.latitude, longitude: a.place.longitude,
    housing: a.housing, transport: a.transport, meals: a.meals, level: t.exitLevel ?? t.entryLevel, rome_codes: t.romeCodes, search_title: fold(t.title), next_start: nextStart(a),
  })));
  await batch(actions, (chunk) => trx.insertInto('trainings_actions').values(chunk).execute());
  const sessions = trainings.flatMap((t) => t.actions.flatMap((a) => a.sessions.map((s) => ({ id: s.id, action_id: a.id, start_on: s.start, end_on: s.end, places_left: s.placesLeft, state: s.state, enrol_until: s.enrolUntil }))));
  await batch(sessions, (chunk) => trx.insertInto('trainings_sessions').values(chunk).execute());
}
