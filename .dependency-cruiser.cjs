/**
 * Import rules: the layers of issue #11 (README, "Architecture"), checked in `npm test`
 * (test/unit/architecture/architecture.test.ts) and by `npm run deps` (scripts/check-architecture.mjs).
 *
 *   shared/domain       -> zod only
 *   shared/application  -> domain, application
 *   shared/adapters     -> domain, application's ports + errors, adapters, npm packages
 *   shared/http         -> domain, application, adapters' render/links/powertools/metrics, npm packages
 *   shared/composition  -> anything in shared (it wires adapters to ports)
 *   functions           -> shared (through use cases and composition: not the AWS adapters)
 *   infra               -> CDK, workflows, the few contract files it deploys (routes, table keys, OpenAPI)
 *   workflows           -> CDK, shared/domain/lifecycle
 *   local, bench, test, scripts: may import anything; nothing deployed imports them.
 *
 * Type-only imports (`import type`, `import { type X }`) count as dependencies on purpose
 * (tsPreCompilationDeps: true): a type reaching across a layer couples the layers as much as a value,
 * and a cycle made of types is still a cycle a reader has to untangle. Dynamic `import()` counts too.
 *
 * Paths are matched unanchored on `node_modules/` because a git worktree's node_modules may be a link
 * to another checkout's (the resolved path is then `../main/node_modules/...`).
 */
const NPM = 'node_modules/';
// Everything outside the deployed code: the local stack, benchmarks, tests, scripts.
const TOOLING = '^(local|bench|test|scripts)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere, type-only and dynamic imports included: split the shared piece out (a port, a type in the domain).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-only-zod',
      severity: 'error',
      comment: 'shared/domain is pure: other domain files and zod, nothing else (no node: modules, no SDK, no clock or randomness).',
      from: { path: '^shared/domain/' },
      to: { pathNot: ['^shared/domain/', `${NPM}zod/`, '^zod$'] },
    },
    {
      name: 'application-imports-only-domain-and-application',
      severity: 'error',
      comment:
        'Use cases see the domain and the ports (shared/application/ports.ts) only: no adapters, no http, no composition or config, no npm packages, no node: modules. What they need from outside comes in through a port.',
      from: { path: '^shared/application/' },
      to: { pathNot: ['^shared/(domain|application)/'] },
    },
    {
      name: 'adapters-stay-below-http-and-composition',
      severity: 'error',
      comment:
        'Adapters implement ports: they may use the domain, ports and errors, other adapters and npm packages, never the HTTP contract, the composition root, the environment (shared/config.ts: composition hands values in) or outer folders.',
      from: { path: '^shared/adapters/' },
      to: { path: ['^shared/(http/|composition\\.ts$|config\\.ts$)', '^(functions|infra|workflows)/'] },
    },
    {
      name: 'adapters-use-only-ports-and-errors-from-application',
      severity: 'error',
      comment: 'An adapter must not call a use case (that would turn the dependency around): from shared/application it takes ports.ts and errors.ts only.',
      from: { path: '^shared/adapters/' },
      to: { path: '^shared/application/', pathNot: '^shared/application/(ports|errors|store-errors)\\.ts$' },
    },
    {
      name: 'http-imports-inner-layers-only',
      severity: 'error',
      comment:
        'shared/http (route table, request schemas, OpenAPI, router, problem+json) may use the domain, the application and the presentation adapters (render, links) plus logging/metrics; not the store, the mailer, composition or config (functions/, infra/, workflows/: see shared-not-outer-layers).',
      from: { path: '^shared/http/' },
      to: {
        path: '^shared/',
        pathNot: '^shared/(domain|application|http)/|^shared/adapters/(render/|links/|powertools\\.ts$|metrics\\.ts$)',
      },
    },
    {
      name: 'shared-not-outer-layers',
      severity: 'error',
      comment: 'Nothing in shared/ (composition included) imports functions/, infra/ or workflows/: they are built on shared, not the other way round.',
      from: { path: '^shared/' },
      to: { path: '^(functions|infra|workflows)/' },
    },
    {
      name: 'functions-not-infra-or-workflows',
      severity: 'error',
      comment: 'Lambda entries import shared/ only: CDK code (infra/, workflows/) must not end up in a bundle.',
      from: { path: '^functions/' },
      to: { path: '^(infra|workflows)/' },
    },
    {
      name: 'functions-not-each-other',
      severity: 'error',
      comment: "A Lambda entry does not import another function's folder: what two handlers share belongs in shared/.",
      from: { path: '^functions/([^/]+)/' },
      to: { path: '^functions/', pathNot: '^functions/$1/' },
    },
    {
      name: 'functions-reach-aws-through-use-cases',
      severity: 'error',
      comment:
        'Handlers are a few lines: parse, call a use case, answer. The store, Step Functions, mail and SDK clients are reached through use cases and shared/composition.ts, not imported by the handler.',
      from: { path: '^functions/' },
      to: { path: '^shared/adapters/(dynamodb|stepfunctions|mail)/|^shared/adapters/aws-clients\\.ts$' },
    },
    {
      name: 'infra-imports-cdk-workflows-and-the-contract',
      severity: 'error',
      comment:
        "infra/ is CDK only. From the application it takes what it deploys: the route table, the table key schema, the functions' registry/OpenAPI generator; nothing else from shared/ or functions/.",
      from: { path: '^infra/' },
      to: {
        path: '^(shared|functions)/',
        pathNot: '^shared/http/routes\\.ts$|^shared/adapters/dynamodb/keys\\.ts$|^functions/(registry\\.ts|openapi/generate\\.ts)$',
      },
    },
    {
      name: 'infra-packages-cdk-only',
      severity: 'error',
      comment: 'infra/ builds stacks: aws-cdk-lib, constructs, cdk-nag and node: modules; runtime packages belong to the code it deploys.',
      from: { path: '^infra/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer'], pathNot: `${NPM}(aws-cdk-lib|constructs|cdk-nag)/` },
    },
    {
      name: 'workflows-import-only-cdk-and-lifecycle',
      severity: 'error',
      comment: 'ASL builders use CDK and the lifecycle (stage names, statuses) in shared/domain/lifecycle only.',
      from: { path: '^workflows/' },
      to: { pathNot: ['^workflows/', '^shared/domain/lifecycle/', `${NPM}(aws-cdk-lib|constructs)/`] },
    },
    {
      name: 'deployed-code-not-tooling',
      severity: 'error',
      comment: 'shared/, functions/, infra/, workflows/ never import the local stack, benchmarks, tests or scripts.',
      from: { path: '^(shared|functions|infra|workflows)/' },
      to: { path: TOOLING },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve to a file or a package (a typo, a missing dependency, a moved file).',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment: 'A package used without being in package.json works only by accident (hoisting).',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'bundled-code-not-dev-dependencies',
      severity: 'error',
      comment: 'Code bundled into a Lambda uses runtime dependencies only (types excepted: they vanish at build).',
      from: { path: '^(shared|functions)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: [`${NPM}@types/`] },
    },
  ],
  options: {
    doNotFollow: { path: NPM },
    // Not node_modules here: an excluded path drops the imports that point into it, so the package rules would see nothing.
    exclude: { path: '(^|/)(cdk\\.out|\\.local|test-results)/' },
    // Count `import type` and type-only specifiers as dependencies (see the header).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
