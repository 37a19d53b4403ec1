/**
 * `npm run purge`: runs every purge now (what Guichet keeps past the retention stated on
 * /donnees-personnelles), on the configured database, and says what went. The instances run them
 * on their own every HOUSEKEEPING_INTERVAL_MINUTES; this is for an operator who wants it now.
 */
import { modules } from '../src/modules';
import { openDatabase } from '../src/platform/db/database';
import { allPurges } from '../src/platform/housekeeping/all';
import { runPurges } from '../src/platform/housekeeping/purges';
import { Mailer } from '../src/platform/mail/mailer';
import { ConfigError, loadConfig, publicUrl } from '../src/config';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    // Only queues the mails of the purges (the warning before an unused account is deleted): the running instances deliver them.
    const mailer = new Mailer({ db: database.db, smtpUrl: config.SMTP_URL || 'smtp://127.0.0.1:25', from: config.MAIL_FROM });
    const { ran, failed } = await runPurges(database.db, allPurges(modules), new Date(), { mailer, publicUrl: publicUrl(config) });
    for (const r of ran) console.log(`${String(r.deleted).padStart(6)} effacé(s) : ${r.what}`);
    for (const f of failed) console.error(`Échec de ${f.id} : ${f.error instanceof Error ? f.error.message : String(f.error)}`);
    if (failed.length) process.exitCode = 1;
    await mailer.close();
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Le ménage n'a pas pu se faire : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
