import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Imports a folder must not make: the layers of the code, bottom to top,
 *
 *   src/*.ts (errors, issues, paths) → io → data → layout → slide → render, templates
 *     → check, publish → preview → cli
 *
 * each importing only from below it (layout, slide and templates only types from data), so no
 * two folders can import each other. Each entry is a regular expression on the import as
 * written (`../render/x.js`), with the reason shown when it is broken. Folder names are unique
 * in the tree, so `(^|/)render/` can only be src/render. Cycles between files, type-only
 * imports counted, are dependency-cruiser's to find (.dependency-cruiser.cjs, `npm run lint`).
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
const publish = {
  regex: folder('publish'),
  message: 'src/publish/ is a consumer of the pipeline, not part of it.',
};
const slide = { regex: folder('slide'), message: 'src/slide/ sits above this layer.' };
const layout = { regex: folder('layout'), message: 'src/layout/ sits above this layer.' };
const io = { regex: folder('io'), message: 'Layout, slides and templates are pure: no I/O.' };
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
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
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
  forbid(
    ['src/*.ts'],
    [cli, commander, check, preview, publish, render, templates, slide, layout, io, dataValues],
  ),
  forbid(
    ['src/io/**'],
    [cli, commander, check, preview, publish, render, templates, slide, layout],
  ),
  forbid(
    ['src/data/**'],
    [cli, commander, check, preview, publish, render, templates, slide, layout],
  ),
  forbid(
    ['src/layout/**'],
    [cli, commander, check, preview, publish, render, templates, slide, io, dataValues, nodeIo],
  ),
  forbid(
    ['src/slide/**'],
    [cli, commander, check, preview, publish, render, templates, io, dataValues, nodeIo],
  ),
  forbid(['src/render/**'], [cli, commander, check, preview, publish, templates]),
  forbid(
    ['templates/**'],
    [cli, commander, check, preview, publish, render, io, dataValues, nodeIo],
  ),
  forbid(['src/check/**'], [cli, commander, preview, publish]),
  forbid(['src/publish/**'], [cli, commander, preview, check]),
  forbid(['src/preview/**'], [cli, commander]),
  forbid(['bench/**'], [cli]),
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
