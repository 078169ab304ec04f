/**
 * Import cycles, counted as issue 10 asks: between files and between folders (src/<folder> and
 * templates/), type-only and dynamic imports included. Folder boundaries are eslint's
 * (eslint.config.js); this file holds only what eslint cannot see: a path back.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle between files: one of them should depend on the other, not both.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle-templates',
      severity: 'error',
      comment:
        'src/ never imports templates/: templates are handed to the renderer as a set from where the program is composed (src/cli, src/preview/render-worker).',
      from: { path: '^src/(?!cli/|preview/)' },
      to: { path: '^templates/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle of types is still a knot a newcomer has to untie.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
