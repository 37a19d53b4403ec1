// Every audit action the code writes has French words in the journal: an administrator never reads
// « idp.personal_data_read ». The action names are read from the sources, where `action:` is given
// to audit() (a literal, or each literal of a ternary), so a new action without a label fails here.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ACTION_LABELS, actionLabel } from './views/audit-labels';

const SRC = join(import.meta.dirname, '..', '..');
const ACTION_NAME = /^[a-z_]+(?:\.[a-z_]+)+$/;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.startsWith('test-support') ? [path] : [];
  });
}

/** The string literals of the expression after `action:`, up to the comma or brace that ends it. */
function actionsIn(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/\baction:\s*/g)) {
    let depth = 0;
    for (let i = match.index + match[0].length; i < source.length; i++) {
      const char = source[i]!;
      if (char === "'" || char === '"' || char === '`') {
        const end = source.indexOf(char, i + 1);
        if (end < 0) break;
        const literal = source.slice(i + 1, end);
        if (ACTION_NAME.test(literal)) found.push(literal);
        i = end;
      } else if ('([{'.includes(char)) depth++;
      else if (')]}'.includes(char)) {
        if (depth === 0) break;
        depth--;
      } else if ((char === ',' || char === ';') && depth === 0) break;
    }
  }
  return found;
}

test('the scan finds the names of a literal, of each side of a ternary, across lines', () => {
  assert.deepEqual(actionsIn("audit(db, { action: 'a.b', actor, details: { x: 'c.d' } })"), ['a.b']);
  assert.deepEqual(actionsIn("{ action: ok ? 'a.yes' : 'a.no', targetType: 'x' }"), ['a.yes', 'a.no']);
  assert.deepEqual(actionsIn("{\n  action:\n    done\n      ? 'a.done'\n      : 'a.not_done',\n  actor }"), ['a.done', 'a.not_done']);
  assert.deepEqual(actionsIn('function f({ action }: { action: string; label: string }) {}'), []);
});

test('every audit action written by the code has a French label in the journal', () => {
  const used = new Map<string, string>();
  for (const file of sourceFiles(SRC)) for (const action of actionsIn(readFileSync(file, 'utf8'))) used.set(action, relative(SRC, file));
  assert.ok(used.size > 100, `the scan found only ${used.size} actions: it no longer reads the sources right`);
  for (const action of ['idp.personal_data_read', 'developer.application_suspended', 'content.create', 'agents.invitation_declined']) assert.ok(used.has(action), `${action} is found`);
  const missing = [...used].filter(([action]) => !Object.hasOwn(ACTION_LABELS, action)).map(([action, file]) => `${action} (${file})`);
  assert.deepEqual(missing, [], 'actions without a French label in views/audit-labels.ts');
  assert.equal(actionLabel('idp.personal_data_read'), 'Données personnelles lues par une application');
});
