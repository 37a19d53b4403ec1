/** Writes docs/aid.schema.json from the TypeBox schema: `npx tsx seed/aids/write-schema.ts`. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aidJsonSchema } from '../../src/modules/aids/format';

writeFileSync(join(import.meta.dirname, '..', '..', 'docs', 'aid.schema.json'), `${JSON.stringify(aidJsonSchema(), null, 2)}\n`);
