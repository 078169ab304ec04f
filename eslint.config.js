import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Imports a folder must not make: the layers of STYLE.md, `cli → check, preview → render →
 * layout, data`, and templates below the renderer. Each entry is a regular expression on the
 * import as written (`../render/x.js`), with the reason shown when it is broken. Folder names
 * are unique in the tree, so `(^|/)render/` can only be src/render.
 *
 * TODO(issue 10): import cycles (type-only imports counted) are not checked here: no rule of
 * eslint or typescript-eslint sees a path back, and eslint-plugin-import-x's no-cycle skips
 * type-only imports. dependency-cruiser's no-circular with tsPreCompilationDeps does both.
 */
const folder = (name) => `(^|/)${name}/`;
const cli = {
  regex: folder('cli'),
  message: 'Only src/cli/ uses the CLI: it composes, nothing imports it.',
};
const commander = { regex: '^commander$', message: 'Only src/cli/ parses command lines.' };
const check = {
  regex: folder('check'),
  message: 'src/check/ is a consumer of the pipeline, not part of it.',
};
const preview = {
  regex: folder('preview'),
  message: 'src/preview/ is a consumer of the pipeline, not part of it.',
};
const render = { regex: folder('render'), message: 'The renderer sits above this layer.' };
const templates = {
  regex: folder('templates'),
  message: 'Templates are handed to the renderer as a set from where the program is composed.',
};
const nodeIo = { regex: '^node:', message: 'Layout and templates are pure: no I/O.' };
/** Values from src/data/ (type imports pass: `allowTypeImports`). */
const dataValues = {
  regex: folder('data'),
  allowTypeImports: true,
  message: 'Only types come from src/data/ here (import type): this layer does no I/O.',
};

/** `@typescript-eslint/no-restricted-imports` for some files, with type imports counted. */
const forbid = (files, patterns, level = 'error') => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': [level, { patterns }] },
});

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'node_modules/', 'docs/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // Each file is typed by its nearest tsconfig.json: the root one (Node) or the client's
      // (the browser), as tsc checks them.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  {
    // JavaScript files (bin/, this file, a bench helper) are in no tsconfig: untyped rules only.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['src/cli/**', 'bench/**', 'test/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any` on
    // purpose, to sit anywhere in an expected value.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
  {
    files: ['bin/**', 'bench/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly' } },
  },

  // ---- Layers ------------------------------------------------------------------------------
  forbid(['src/data/**'], [cli, commander, check, preview, render, templates]),
  forbid(
    ['src/layout/**'],
    [cli, commander, check, preview, render, templates, dataValues, nodeIo],
  ),
  forbid(['src/render/**'], [cli, commander, check, preview]),
  forbid(['src/check/**'], [cli, commander, preview]),
  forbid(['src/preview/**'], [cli, commander]),
  forbid(['src/*.ts', 'bench/**'], [cli]),
  // TODO(issue 10): turn these two to 'error' (and move `templates` into render's list above)
  // once branch `rules` is merged. Today src/render imports templates/ (slide-element.ts,
  // carousel.ts) and templates/ import src/render/slide-context.ts: the cycle that branch
  // removes. The core rule, so that render's other boundaries above stay errors.
  {
    files: ['src/render/**'],
    rules: { 'no-restricted-imports': ['warn', { patterns: [templates] }] },
  },
  forbid(['templates/**'], [cli, commander, check, preview, render, dataValues, nodeIo], 'warn'),
  // The page's client runs in the browser: its own modules, and the types of what the server
  // sends (page-protocol.ts), nothing else of the server and no package.
  forbid(
    ['src/preview/client/*.ts'],
    [
      {
        regex: String.raw`^(?!\./|\.\./page-protocol\.js$)`,
        message: 'The client imports its own modules and ../page-protocol.js only.',
      },
    ],
  ),
  forbid(
    ['src/preview/client/*/*.ts'],
    [
      {
        regex: String.raw`^(?!\./|\.\./(?!\.\./)|\.\./\.\./page-protocol\.js$)`,
        message: 'The client imports its own modules and ../../page-protocol.js only.',
      },
    ],
  ),
);
