/**
 * The TypeScript loader of `npm test`'s jobs: the same esbuild transform as tsx, run in the test
 * process itself (module.registerHooks, Node ≥ 22.15) and kept on disk by content, so that a test
 * process spends ~1.4 s of CPU loading the application instead of ~2.3 s with tsx (the jobs start
 * ~180 processes). It covers what this repository uses: ESM `.ts`/`.tsx` files, imported with or
 * without their extension. `scripts/test.ts` uses it when the running Node has registerHooks,
 * tsx otherwise; a single test file still runs with `node --import tsx --test <file>`.
 *
 * Node strips this file's types itself: only erasable TypeScript here, and explicit extensions.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, registerHooks } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Esbuild {
  transformSync(source: string, options: Record<string, unknown>): { code: string };
}

const root = join(import.meta.dirname, '..', '..');
// esbuild is tsx's own transformer (a declared dev dependency): the same version as tsx's.
const fromTsx = createRequire(createRequire(join(root, 'package.json')).resolve('tsx/package.json'));
const esbuild = fromTsx('esbuild') as Esbuild;
const cacheDir = join(root, '.cache', 'test-transpiled');
mkdirSync(cacheDir, { recursive: true });
// Stack traces of a failing test point at the TypeScript lines (the transform keeps a source map).
process.setSourceMapsEnabled(true);

/** Without an exception for a missing file: most probes miss (an import names no extension). */
function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

const candidates = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

registerHooks({
  resolve(specifier, context, nextResolve) {
    const relative = specifier.startsWith('./') || specifier.startsWith('../') || specifier.startsWith('/') || specifier.startsWith('file:');
    if (relative && context.parentURL?.startsWith('file:')) {
      const url = new URL(specifier, context.parentURL);
      const path = fileURLToPath(url);
      if (!isFile(path)) {
        for (const suffix of candidates) {
          if (isFile(path + suffix)) return { url: url.href + suffix, format: 'module', shortCircuit: true };
        }
        if (path.endsWith('.js') && isFile(`${path.slice(0, -3)}.ts`)) return { url: `${url.href.slice(0, -3)}.ts`, format: 'module', shortCircuit: true };
      }
    }
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !/\.tsx?$/.test(url) || url.includes('/node_modules/')) return nextLoad(url, context);
    const path = fileURLToPath(url);
    const source = readFileSync(path, 'utf8');
    const key = createHash('sha256').update(path).update('\0').update(source).digest('hex').slice(0, 32);
    const cached = join(cacheDir, `${key}.js`);
    let code: string;
    try {
      code = readFileSync(cached, 'utf8');
    } catch {
      code = esbuild.transformSync(source, {
        loader: path.endsWith('.tsx') ? 'tsx' : 'ts',
        format: 'esm',
        target: 'node22',
        jsx: 'automatic',
        jsxImportSource: 'preact',
        sourcemap: 'inline',
        sourcefile: path,
      }).code;
      // Written aside then renamed: jobs running side by side never read half a file.
      const temporary = `${cached}.${process.pid}.tmp`;
      writeFileSync(temporary, code);
      renameSync(temporary, cached);
    }
    return { format: 'module', source: code, shortCircuit: true };
  },
});
