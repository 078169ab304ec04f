import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as TypeScriptModule from 'typescript';
import { withSourceLines, type Problem, type ProblemEntry } from './problem.js';

type TypeScript = typeof TypeScriptModule;

/** Templates compiled into a folder of their own, or why they could not be. */
export type CompiledTemplates =
  { ok: true; dir: string; hash: string } | { ok: false; hash: string; problem: Problem };

let typescript: Promise<TypeScript> | undefined;

/**
 * The TypeScript compiler, loaded once (~0.5 s) and only when asked: it is a devDependency, so
 * where it is missing the preview draws with the built templates and does not reload them.
 */
export function loadTypeScript(): Promise<TypeScript> {
  typescript ??= import('typescript').then(
    (module) => (module as { default?: TypeScript }).default ?? module,
  );
  return typescript;
}

/**
 * Makes `dir` the home of compiled generations of the templates, each in a folder of its own,
 * as `dist/templates` sits in `dist`: beside a link to the built code (`src`) and one to the
 * packages (`node_modules`). A generation's imports (`../src/slide/…`, `react/jsx-runtime`)
 * then resolve as the built templates' do, to the very modules the render code runs (Node
 * follows links to the real files), with no module-resolution hook.
 */
export async function linkBuiltCode(dir: string, builtDir: string): Promise<void> {
  // The folder that holds react, as the built templates find it (it may be above the package).
  const react = createRequire(join(builtDir, 'templates', 'index.js')).resolve('react');
  const packages = react.slice(0, react.lastIndexOf(`${sep}react${sep}`));
  // Junctions on Windows need no privileges; elsewhere the type is ignored.
  await symlink(join(builtDir, 'src'), join(dir, 'src'), 'junction');
  await symlink(packages, join(dir, 'node_modules'), 'junction');
}

/** Every file under `dir`, as paths relative to it, sorted; dot files are left out. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((path) => !path.split('/').some((part) => part.startsWith('.')))
    .sort();
}

/** A hash of the template sources: equal hashes draw equal slides. */
export async function hashOfTemplates(sourceDir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const path of await listFiles(sourceDir)) {
    hash
      .update(path)
      .update('\0')
      .update(await readFile(join(sourceDir, path)));
  }
  return hash.digest('hex');
}

/**
 * Transpiles every template (`.tsx`, `.ts`) of `sourceDir` into `outDir`, file by file as tsc
 * would lay them out under dist/templates, with inline source maps back to the sources so a
 * template that throws is reported at its own line. Only syntax is checked: transpiling file
 * by file takes tens of milliseconds where a type-checking build takes seconds, and
 * `npm test` / `tsc --noEmit` check the types.
 */
export async function compileTemplates(
  sourceDir: string,
  outDir: string,
): Promise<CompiledTemplates> {
  const ts = await loadTypeScript();
  const files = await listFiles(sourceDir);
  const hash = createHash('sha256');
  // A compiled module's text, or a file copied as it is (JSON, images a template reads).
  const outputs: { path: string; text?: string }[] = [];
  const entries: ProblemEntry[] = [];
  for (const path of files) {
    const source = join(sourceDir, path);
    const content = await readFile(source);
    hash.update(path).update('\0').update(content);
    if (path.endsWith('.d.ts')) continue;
    if (!/\.tsx?$/.test(path)) {
      outputs.push({ path });
      continue;
    }
    const result = ts.transpileModule(content.toString('utf8'), {
      fileName: source,
      reportDiagnostics: true,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        jsx: ts.JsxEmit.ReactJSX,
        verbatimModuleSyntax: true,
        inlineSourceMap: true,
        sourceRoot: pathToFileURL(`${dirname(source)}/`).href,
      },
    });
    for (const diagnostic of result.diagnostics ?? [])
      entries.push(entryOf(ts, diagnostic, source));
    outputs.push({ path: path.replace(/\.tsx?$/, '.js'), text: result.outputText });
  }
  const digest = hash.digest('hex');
  if (entries.length > 0) {
    return {
      ok: false,
      hash: digest,
      problem: withSourceLines({
        title:
          entries.length === 1
            ? 'A template does not compile'
            : `The templates have ${entries.length} syntax errors`,
        entries,
      }),
    };
  }
  // The compiled files are ES modules wherever the folder is (a temporary one has no package.json).
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'package.json'), '{ "type": "module" }\n');
  for (const { path, text } of outputs) {
    const target = join(outDir, path);
    await mkdir(dirname(target), { recursive: true });
    if (text === undefined) await copyFile(join(sourceDir, path), target);
    else await writeFile(target, text);
  }
  return { ok: true, dir: outDir, hash: digest };
}

function entryOf(
  ts: TypeScript,
  diagnostic: TypeScriptModule.Diagnostic,
  source: string,
): ProblemEntry {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const hint = 'fix it and save: the slides come back by themselves';
  if (diagnostic.file === undefined || diagnostic.start === undefined) {
    return { file: source, message, hint };
  }
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return { file: source, line: line + 1, column: character + 1, message, hint };
}
