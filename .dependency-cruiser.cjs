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

/** Every rule is an error: `npm test` fails on it. */
const forbid = (name, comment, from, to) => ({ name, severity: 'error', comment, from, to });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    forbid(
      'no-circular',
      'No import cycles anywhere, type-only and dynamic imports included: split the shared piece out (a port, a type in the domain).',
      {},
      { circular: true },
    ),
    forbid(
      'domain-imports-only-zod',
      'shared/domain is pure: other domain files and zod, nothing else (no node: modules, no SDK, no clock or randomness).',
      { path: '^shared/domain/' },
      { pathNot: ['^shared/domain/', `${NPM}zod/`, '^zod$'] },
    ),
    forbid(
      'application-imports-only-domain-and-application',
      'Use cases see the domain and the ports (shared/application/ports.ts) only: no adapters, no http, no composition or config, no npm packages, no node: modules. What they need from outside comes in through a port.',
      { path: '^shared/application/' },
      { pathNot: ['^shared/(domain|application)/'] },
    ),
    forbid(
      'adapters-stay-below-http-and-composition',
      'Adapters implement ports: they may use the domain, ports and errors, other adapters and npm packages, never the HTTP contract, the composition root, the environment (shared/config.ts: composition hands values in) or outer folders.',
      { path: '^shared/adapters/' },
      { path: ['^shared/(http/|composition\\.ts$|config\\.ts$)', '^(functions|infra|workflows)/'] },
    ),
    forbid(
      'adapters-use-only-ports-and-errors-from-application',
      'An adapter must not call a use case (that would turn the dependency around): from shared/application it takes ports.ts and errors.ts only (store-errors.ts: the old path of errors).',
      { path: '^shared/adapters/' },
      { path: '^shared/application/', pathNot: '^shared/application/(ports|errors|store-errors)\\.ts$' },
    ),
    forbid(
      'http-imports-inner-layers-only',
      'shared/http (route table, request schemas, OpenAPI, router, problem+json) may use the domain, the application and the presentation adapters (render, links) plus logging/metrics; not the store, the mailer, composition or config (functions/, infra/, workflows/: see shared-not-outer-layers).',
      { path: '^shared/http/' },
      {
        path: '^shared/',
        pathNot: '^shared/(domain|application|http)/|^shared/adapters/(render/|links/|powertools\\.ts$|metrics\\.ts$)',
      },
    ),
    forbid(
      'shared-not-outer-layers',
      'Nothing in shared/ (composition included) imports functions/, infra/ or workflows/: they are built on shared, not the other way round.',
      { path: '^shared/' },
      { path: '^(functions|infra|workflows)/' },
    ),
    forbid(
      'functions-not-infra-or-workflows',
      'Lambda entries import shared/ only: CDK code (infra/, workflows/) must not end up in a bundle.',
      { path: '^functions/' },
      { path: '^(infra|workflows)/' },
    ),
    forbid(
      'functions-not-each-other',
      "A Lambda entry does not import another function's folder: what two handlers share belongs in shared/.",
      { path: '^functions/([^/]+)/' },
      { path: '^functions/', pathNot: '^functions/$1/' },
    ),
    forbid(
      'functions-reach-aws-through-use-cases',
      'Handlers are a few lines: parse, call a use case, answer. The store, Step Functions, mail and SDK clients are reached through use cases and shared/composition.ts, not imported by the handler.',
      { path: '^functions/' },
      { path: '^shared/adapters/(dynamodb|stepfunctions|mail)/|^shared/adapters/aws-clients\\.ts$' },
    ),
    forbid(
      'infra-imports-cdk-workflows-and-the-contract',
      "infra/ is CDK only. From the application it takes what it deploys: the route table, the table key schema, the functions' registry/OpenAPI generator; nothing else from shared/ or functions/.",
      { path: '^infra/' },
      {
        path: '^(shared|functions)/',
        pathNot: '^shared/http/routes\\.ts$|^shared/adapters/dynamodb/keys\\.ts$|^functions/(registry\\.ts|openapi/generate\\.ts)$',
      },
    ),
    forbid(
      'infra-packages-cdk-only',
      'infra/ builds stacks: aws-cdk-lib, constructs, cdk-nag and node: modules; runtime packages belong to the code it deploys.',
      { path: '^infra/' },
      { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer'], pathNot: `${NPM}(aws-cdk-lib|constructs|cdk-nag)/` },
    ),
    forbid(
      'workflows-import-only-cdk-and-lifecycle',
      'ASL builders use CDK and the lifecycle (stage names, statuses) in shared/domain/lifecycle only.',
      { path: '^workflows/' },
      { pathNot: ['^workflows/', '^shared/domain/lifecycle/', `${NPM}(aws-cdk-lib|constructs)/`] },
    ),
    forbid(
      'deployed-code-not-tooling',
      'shared/, functions/, infra/, workflows/ never import the local stack, benchmarks, tests or scripts.',
      { path: '^(shared|functions|infra|workflows)/' },
      { path: TOOLING },
    ),
    forbid(
      'not-to-unresolvable',
      'An import that does not resolve to a file or a package (a typo, a missing dependency, a moved file).',
      {},
      { couldNotResolve: true },
    ),
    forbid(
      'no-non-package-json',
      'A package used without being in package.json works only by accident (hoisting).',
      {},
      { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    ),
    forbid(
      'bundled-code-not-dev-dependencies',
      'Code bundled into a Lambda uses runtime dependencies only (types excepted: they vanish at build).',
      { path: '^(shared|functions)/' },
      { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'], pathNot: [`${NPM}@types/`] },
    ),
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
