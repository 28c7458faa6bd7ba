// Who may import whom: the layers of docs/architecture.md, checked by `npm run lint`
// (`depcruise -c config/dependency-cruiser.cjs src server scripts`). Type-only imports count too.
const FEATURE = '^server/features/([^/]+)/';
const CORE_FEATURE = '^src/core/(?!contract/)([^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere, type-only ones included: layers stay a one-way flow.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'src/core is shared by the client and the server: only itself, zod and dayjs. No Taro, wx, node or IO.',
      from: { path: '^src/core/' },
      to: { pathNot: ['^src/core/', '^node_modules/(zod|dayjs)/'] },
    },
    {
      name: 'client-not-server',
      severity: 'error',
      comment: 'The mini-program never imports server code: it calls the API through src/api.',
      from: { path: '^src/' },
      to: { path: '^(server|scripts|tests)/' },
    },
    {
      name: 'store-knows-no-feature',
      severity: 'error',
      comment: 'server/store holds the port, the shared ops and one folder per adapter: generic, it knows no feature.',
      from: { path: '^server/store/' },
      to: { path: '^(server/(?!store/)|src/)' },
    },
    {
      name: 'adapters-behind-the-port',
      severity: 'error',
      comment: 'Only the transports choose an adapter; everything else sees the Store port.',
      from: { path: '^server/(?!entry/)', pathNot: '^server/store/' },
      to: { path: '^server/store/(sqlite|cloudbase)/' },
    },
    {
      name: 'feature-through-index',
      severity: 'error',
      comment: "A feature uses another feature only through that feature's index.ts, its one public face.",
      from: { path: `${FEATURE}` },
      to: { path: '^server/features/[^/]+/', pathNot: ['^server/features/$1/', '^server/features/[^/]+/index\\.ts$'] },
    },
    {
      name: 'core-feature-through-index',
      severity: 'error',
      comment:
        "In the shared core too, a feature reads another feature's contract, views and rules through its index.ts.",
      from: { path: CORE_FEATURE },
      to: { path: '^src/core/(?!contract/)[^/]+/', pathNot: ['^src/core/$1/', '^src/core/[^/]+/index\\.ts$'] },
    },
    {
      name: 'features-not-the-list',
      severity: 'error',
      comment: 'The features list composes the features; a feature never imports the list (or the router).',
      from: { path: `${FEATURE}` },
      to: { path: ['^server/features/index\\.ts$', '^server/router\\.ts$'] },
    },
    {
      name: 'handlers-no-transport',
      severity: 'error',
      comment: 'Features and the kernel know no transport: HTTP, the cloud entry and uploads sit above them.',
      from: { path: '^server/(features|kernel)/' },
      to: { path: '^server/entry/' },
    },
    {
      name: 'kernel-knows-no-feature',
      severity: 'error',
      comment: 'The kernel (context, clock, ids, content check, defineFeature) is below every feature.',
      from: { path: '^server/kernel/' },
      to: { path: '^server/(features|entry)/|^server/router\\.ts$' },
    },
    {
      name: 'outside-through-index',
      severity: 'error',
      comment: 'The router and the transports see a feature only through its index.ts (or the list).',
      from: { path: '^server/(entry/|router\\.ts$)' },
      to: { path: '^server/features/[^/]+/', pathNot: '^server/features/[^/]+/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
