/**
 * Builds the migrated and seeded template of each engine once, before the test files start in
 * parallel (otherwise every PGlite test process that starts before the first has finished would
 * build its own). `scripts/test.ts` runs it; each test file then loads or clones the template.
 */
import { freshDatabase } from './database';

const started = Date.now();
const database = await freshDatabase();
await database.close();
console.log(`template of the ${process.env.GUICHET_TEST_ENGINE ?? 'pglite'} test database ready in ${Math.round((Date.now() - started) / 1000)} s`);
// A PGlite opened and closed in a process keeps an emscripten timer that holds the process open.
process.exit(0);
