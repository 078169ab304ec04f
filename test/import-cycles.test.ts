import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/** Every TypeScript file of the program: src/ and templates/, as paths from the root. */
function sourceFiles(): string[] {
  return ['src', 'templates']
    .flatMap((top) => readdirSync(join(root, top), { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Each file's imports of other files of the program. The TypeScript scanner reads every kind:
 * `import`, `import type`, `export … from`, `import('…')` (dynamic, or in a type): a cycle of
 * types is still a cycle a reader has to untangle.
 */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const targets = importedFiles
      .map((reference) => reference.fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => {
        const path = relative(root, resolve(root, dirname(file), specifier));
        const found = [path, path.replace(/\.js$/, '.ts'), path.replace(/\.js$/, '.tsx')].find(
          (candidate) => known.has(candidate),
        );
        if (found === undefined) throw new Error(`${file}: cannot resolve ${specifier}`);
        return found;
      });
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The folder a file counts in: `src/<folder>`, `templates`, or a file at the top of src/. */
function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'templates') return 'templates';
  return parts.length > 2 ? parts.slice(0, 2).join('/') : file;
}

/** The same graph between folders: an edge wherever a file of one imports a file of another. */
function folderGraph(graph: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const folders = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = folderOf(file);
    const edges = folders.get(from) ?? new Set();
    folders.set(from, edges);
    for (const target of targets) if (folderOf(target) !== from) edges.add(folderOf(target));
  }
  return new Map([...folders].map(([folder, edges]) => [folder, [...edges].sort()]));
}

/**
 * The cycles of a graph, one a strongly connected component of more than one node (Tarjan),
 * each written as a path that returns to its start, e.g. `a → b → a`.
 */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) cycles.push(pathThrough(graph, new Set(component)));
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles;
}

/** One cycle inside a component, from its first node back to it: the shortest, to be readable. */
function pathThrough(
  graph: ReadonlyMap<string, readonly string[]>,
  component: Set<string>,
): string {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)!) path.splice(1, 0, at);
        return [...path, start].join(' → ');
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [...component].join(', ');
}

describe('import cycles', () => {
  const graph = importGraph(sourceFiles());

  it('finds a cycle in a graph made to have one, and none in one without', () => {
    const cyclic = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(findCycles(cyclic)).toEqual(['a → b → c → a']);
    expect(findCycles(new Map([...cyclic, ['c', ['d']]]))).toEqual([]);
  });

  it('reads every kind of import, type-only and dynamic ones included', () => {
    // render-post.ts imports types, values, and (from draw-posts.ts) is imported dynamically.
    expect(graph.get('src/render/draw-posts.ts')).toContain('src/render/render-post.ts');
    expect(graph.get('src/check/check.ts')).toContain('src/data/load.ts');
  });

  it('has no cycle between files', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('has no cycle between the folders of src/ and templates/', () => {
    expect(findCycles(folderGraph(graph))).toEqual([]);
  });
});
