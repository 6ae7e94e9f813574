/**
 * Reelgraph's layer rules, checked by `npm test` (tests/architecture/layers.test.ts). Each rule's
 * comment is what a broken rule prints; ARCHITECTURE.md draws the same layers.
 *
 *   server, schema, seed, import      (top: start-up, HTTP, CLIs)
 *   ingest                            (the write path every import uses)
 *   film person role franchise character genre review search paths mentions node auth changes   (features)
 *   writes                            (how every mutation writes: one transaction, versions, the feed)
 *   common                            (API helpers: pages, errors, look-ahead, batching)
 *   model                             (the stored model: labels, kinds, properties, ids, slugs)
 *   db                                (driver, sessions, transactions, database errors)
 */
const FEATURES = '(film|person|role|franchise|character|genre|review|search|paths|mentions|node|auth|changes)';

module.exports = {
  forbidden: [
    {
      name: 'db-imports-nothing-above',
      comment: 'src/db owns the driver and knows nothing of the model, the API or the features: it may import only itself and src/config.ts.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/', pathNot: '^src/(db/|config\\.ts$)' },
    },
    {
      name: 'model-is-the-ground-floor',
      comment: 'src/model is the stored model every layer reads; it imports nothing of Reelgraph but itself.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/model/' },
    },
    {
      name: 'common-imports-no-feature',
      comment: 'src/common holds what every feature shares; it may import src/model and src/db, never a feature or a layer above.',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/', pathNot: '^src/(common|model|db)/' },
    },
    {
      name: 'writes-sit-below-the-features',
      comment:
        'src/writes is how every mutation and import writes (one transaction, versions, redirects, the change feed); it imports src/db, src/model, src/common and, to check the role, src/auth/guard.ts, never a feature or a layer above (the server as types only).',
      severity: 'error',
      from: { path: '^src/writes/' },
      to: { path: '^src/', pathNot: '^src/(writes|db|model|common)/|^src/auth/(guard|viewer)\\.ts$|^src/server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'writes-see-the-server-as-types-only',
      comment: 'src/writes names the request Context as a type only.',
      severity: 'error',
      from: { path: '^src/writes/' },
      to: { path: '^src/server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'features-never-import-the-write-side',
      comment: 'Reads do not depend on writes: a feature folder never imports src/ingest, src/import or src/seed.',
      severity: 'error',
      from: { path: `^src/${FEATURES}/`, pathNot: '^src/auth/keys-cli\\.ts$' },
      to: { path: '^src/(ingest|import|seed)/' },
    },
    {
      name: 'the-keys-cli-shares-only-argument-parsing',
      comment: 'src/auth/keys-cli.ts is a command like those of src/import: of the write side it uses only their argument helpers (src/import/args.ts).',
      severity: 'error',
      from: { path: '^src/auth/keys-cli\\.ts$' },
      to: { path: '^src/(ingest|import|seed)/', pathNot: '^src/import/args\\.ts$' },
    },
    {
      name: 'nothing-imports-the-keys-cli',
      comment: 'src/auth/keys-cli.ts is a program (npm run keys); nothing imports it.',
      severity: 'error',
      from: {},
      to: { path: '^src/auth/keys-cli\\.ts$' },
    },
    {
      name: 'features-see-the-server-as-types-only',
      comment: 'A resolver names the request Context as a type (`import type { Context }`); nothing in a feature runs server code.',
      severity: 'error',
      from: { path: `^src/${FEATURES}/` },
      to: { path: '^src/server/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'write-side-above-features-only-through-mentions',
      comment: 'src/ingest writes through src/model and src/db; of the features it uses only the mentions linker (a review and its mentions are stored together).',
      severity: 'error',
      from: { path: '^src/ingest/' },
      to: { path: `^src/${FEATURES}/`, pathNot: '^src/mentions/mention\\.(linker|matcher)\\.ts$' },
    },
    {
      name: 'product-never-imports-benchmarks-or-tests',
      comment: 'src/ is the product: it never imports bench/ or tests/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(bench|tests)/' },
    },
    {
      name: 'product-never-imports-dev-dependencies',
      comment: 'The production build (src/, less its tests) runs with `npm ci --omit=dev`: it may not import a devDependency.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-unresolvable-imports',
      comment: 'Every import resolves to a file or an installed package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports are seen, so the server rule can tell them from runtime ones.
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
