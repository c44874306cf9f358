/**
 * The layers of README.md, "How it is built", as rules `npm test` checks (npm run lint → depcruise).
 * A folder may import only the folders listed for it; model/ imports nothing of ours.
 *
 *   main.ts, app.ts                wiring: anything
 *   cli/                           everything below, and of slack/ only the reply it prints (answer, render-text)
 *   slack/                         desk/, digest/, knowledge/, search/, query/, block-kit/, config/, model/
 *   desk/                          store/, search/, query/, corpus/, model/
 *   digest/                        search/, store/, block-kit/, config/, model/
 *   knowledge/                     search/, corpus/, model/
 *   period/                        search/, model/
 *   metrics/                       model/, search/ (types), slack/searcher-provider (type)
 *   log/                           config/, model/
 *   search/  query/  corpus/  store/  block-kit/  config/          model/
 *   model/                         nothing
 *
 * Only slack/, app.ts and main.ts know Bolt and the Slack Web API client.
 */
const LAYERS = {
  model: [],
  config: ['model'],
  log: ['model', 'config'],
  metrics: ['model', 'search', 'slack/searcher-provider\\.ts$'],
  'block-kit': ['model'],
  corpus: ['model'],
  query: ['model'],
  search: ['model'],
  period: ['model', 'search'],
  store: ['model'],
  knowledge: ['model', 'corpus', 'search'],
  digest: ['model', 'config', 'search', 'store', 'block-kit'],
  desk: ['model', 'store', 'search', 'query', 'corpus'],
  slack: ['model', 'config', 'query', 'search', 'period', 'knowledge', 'digest', 'desk', 'block-kit'],
  cli: [
    'model',
    'config',
    'log',
    'query',
    'search',
    'corpus',
    'store',
    'knowledge',
    'digest',
    'desk',
    'block-kit',
    'slack/(answer|render-text)\\.ts$',
  ],
};

const layerRules = Object.entries(LAYERS).map(([layer, allowed]) => {
  const what = allowed.length === 0 ? 'nothing else of ours' : allowed.map((to) => `${to}/`).join(', ');
  return {
    name: `${layer}-imports-only-${allowed.length === 0 ? 'itself' : 'inner-layers'}`,
    comment: `src/${layer}/ may import ${what} (README, "How it is built")`,
    severity: 'error',
    from: { path: `^src/${layer}/` },
    to: { path: '^src/', pathNot: [`^src/${layer}/`, ...allowed.map((to) => `^src/${to}`)] },
  };
});

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'bolt-only-in-slack',
      comment: 'Only slack/, app.ts and main.ts know Bolt and the Web API client; the core and block-kit/ run without them',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/slack/', '^src/app\\.ts$', '^src/main\\.ts$'] },
      to: { path: 'node_modules/@slack/(bolt|web-api|socket-mode|oauth)/' },
    },
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: neither can be understood, tested or moved alone',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
