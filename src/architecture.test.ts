/**
 * The rules of the house about dependencies, checked on every file under src/ so that the debt cannot
 * come back: a module reaches another only through its index.ts, platform/ never imports a module,
 * modules do not depend on each other in a circle, and no two files import each other (even for types,
 * a circle means the seam between them is in the wrong place).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

/** Path relative to the checkout, with forward slashes: `src/modules/aids/store.ts`. */
function rel(path: string): string {
  return relative(root, path).split(sep).join('/');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The file a relative specifier names, as TypeScript's bundler resolution would find it. */
function resolveSpecifier(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')];
  if (/\.js$/.test(base)) candidates.unshift(base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'));
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

interface Import {
  from: string;
  to: string;
}

/** Every import of a file inside src/: static, type-only, re-exports and dynamic `import('…')`. */
function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .filter((entry) => entry.fileName.startsWith('.'))
    .map((entry) => {
      const to = resolveSpecifier(file, entry.fileName);
      assert.ok(to, `${rel(file)} imports ${entry.fileName}, which does not resolve to a file`);
      return { from: rel(file), to: rel(to) };
    })
    .filter((edge) => edge.to.startsWith('src/'));
}

const files = sourceFiles(src);
const imports = files.flatMap(importsOf);

/** `aids` for `src/modules/aids/…`, undefined outside a module folder. */
function moduleOf(path: string): string | undefined {
  const match = /^src\/modules\/([^/]+)\//.exec(path);
  return match?.[1];
}

const isTest = (path: string) => /\.test\.tsx?$/.test(path) || /\/test-support\.tsx?$/.test(path);

/** The circles of a directed graph (one per strongly connected component of more than one node). */
export function cycles(edges: Array<[string, string]>): string[][] {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) {
    if (a === b) continue;
    next.set(a, [...(next.get(a) ?? []), b]);
    if (!next.has(b)) next.set(b, []);
  }
  // Tarjan's algorithm.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of next.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of next.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('architecture', () => {
  it('finds the imports it checks (the parser works)', () => {
    assert.ok(files.length > 100);
    assert.ok(imports.some((edge) => edge.from === 'src/modules/index.ts' && edge.to === 'src/modules/aids/index.ts'));
    assert.ok(imports.some((edge) => edge.from === 'src/app.ts' && edge.to.startsWith('src/platform/')));
    assert.deepEqual(cycles([['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd']]), [['a', 'b', 'c']]);
  });

  it('a module reaches another only through its index.ts (tests may also use its test-support)', () => {
    const violations = imports.filter((edge) => {
      const source = moduleOf(edge.from);
      const target = moduleOf(edge.to);
      if (source === undefined || target === undefined || source === target) return false;
      if (edge.to === `src/modules/${target}/index.ts`) return false;
      return !(isTest(edge.from) && edge.to === `src/modules/${target}/test-support.ts`);
    });
    assert.deepEqual(violations.map((edge) => `${edge.from} → ${edge.to}`), []);
  });

  it('platform/ (and config.ts) never import a module', () => {
    const violations = imports.filter((edge) => !edge.from.startsWith('src/modules/') && edge.to.startsWith('src/modules/'))
      .filter((edge) => !['src/app.ts', 'src/main.ts'].includes(edge.from) && !isTest(edge.from));
    assert.deepEqual(violations.map((edge) => `${edge.from} → ${edge.to}`), []);
  });

  it('modules do not depend on each other in a circle', () => {
    const edges = imports
      .filter((edge) => !isTest(edge.from))
      .map((edge) => [moduleOf(edge.from), moduleOf(edge.to)] as const)
      .filter((pair): pair is [string, string] => pair[0] !== undefined && pair[1] !== undefined);
    assert.deepEqual(cycles(edges), []);
  });

  it('no two files import each other, directly or around a circle', () => {
    const edges = imports.filter((edge) => !isTest(edge.from)).map((edge): [string, string] => [edge.from, edge.to]);
    assert.deepEqual(cycles(edges), []);
  });
});
