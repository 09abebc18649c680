import { readFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * The browser app shares contracts and pure domain code with the server (../src). A shared module
 * that imports server code (a database driver, Fastify, a Node built-in) pulls it into the web bundle,
 * where it fails at run time: a page that does not load. This walks the relative imports from the
 * app's entry and refuses any module reached that imports such a package. It reads files with Node,
 * hence the .node.test.ts name: the web tsconfig (browser types only) leaves it to the root one.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = join(ROOT, 'web/src/main.tsx');
const SERVER_ONLY = /^(node:|pg$|pg-|kysely|fastify|@fastify\/|@electric-sql\/|commander|csv-parse|csv-stringify|cli-progress|pdfkit|tsx)/;
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec.replace(/\.js$/, ''));
  for (const ext of EXTENSIONS) {
    const p = base + ext;
    if (existsSync(p) && statSync(p).isFile()) return p;
  }
  return null;
}

/** Every module reached from the entry by static relative imports, with the packages each imports. */
function walk(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm)].map((m) => m[1] ?? m[2] ?? m[3]);
    const packages: string[] = [];
    for (const spec of specs) {
      if (spec.startsWith('.')) {
        const target = resolveImport(file, spec);
        if (target && /\.tsx?$/.test(target)) stack.push(target);
      } else packages.push(spec);
    }
    seen.set(file, packages);
  }
  return seen;
}

describe('web bundle', () => {
  const modules = walk(ENTRY);

  it('reaches the shared modules of the server tree (the walk follows imports into ../src)', () => {
    expect(modules.size).toBeGreaterThan(50);
    expect([...modules.keys()].some((f) => relative(ROOT, f).startsWith('src/modules/'))).toBe(true);
  });

  it('imports no server-only package from any module it reaches', () => {
    const offending = [...modules].flatMap(([file, pkgs]) => pkgs.filter((p) => SERVER_ONLY.test(p)).map((p) => `${relative(ROOT, file)} imports ${p}`));
    expect(offending).toEqual([]);
  });
});
