import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The lint's import rules can fail: each rule gets a scratch file that breaks it, planted in the tree
 * (the rules match on paths), and dependency-cruiser must name that rule for that file. The files are
 * removed whatever happens.
 */
const ROOT = join(__dirname, '..', '..', '..');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

interface Probe {
  rule: string;
  files: Record<string, string>;
}

const P = '__lint_probe__';
const PROBES: Probe[] = [
  {
    rule: 'no-circular',
    files: {
      [`server/kernel/${P}a.ts`]: `export { b } from './${P}b';\nexport const a = 1;\n`,
      [`server/kernel/${P}b.ts`]: `export { a } from './${P}a';\nexport const b = 2;\n`,
    },
  },
  { rule: 'core-is-pure', files: { [`src/core/${P}.ts`]: `export { default } from '@tarojs/taro';\n` } },
  {
    rule: 'client-not-server',
    files: { [`src/features/${P}.ts`]: `export { newId } from '../../server/kernel/ids';\n` },
  },
  {
    rule: 'store-knows-no-feature',
    files: { [`server/store/${P}.ts`]: `export { people } from '../features/people';\n` },
  },
  {
    rule: 'adapters-behind-the-port',
    files: { [`server/features/people/${P}.ts`]: `export { openSqliteStore } from '../../store/sqlite';\n` },
  },
  {
    rule: 'feature-through-index',
    files: { [`server/features/honor/${P}.ts`]: `export { rosterWhere } from '../people/roster';\n` },
  },
  {
    rule: 'core-feature-through-index',
    files: { [`src/core/honor/${P}.ts`]: `export type { StaffPick } from '../people/views';\n` },
  },
  {
    rule: 'features-not-the-list',
    files: { [`server/features/people/${P}list.ts`]: `export { FEATURES } from '../index';\n` },
  },
  {
    rule: 'handlers-no-transport',
    files: { [`server/features/people/${P}entry.ts`]: `export { createSigner } from '../../entry/token';\n` },
  },
  {
    rule: 'kernel-knows-no-feature',
    files: { [`server/kernel/${P}k.ts`]: `export { people } from '../features/people';\n` },
  },
  {
    rule: 'outside-through-index',
    files: { [`server/entry/${P}.ts`]: `export { rosterWhere } from '../features/people/roster';\n` },
  },
];

interface Violation {
  from: string;
  rule: { name: string };
}

function cruise(files: string[]): Violation[] {
  const run = spawnSync(bin('depcruise'), ['-c', 'config/dependency-cruiser.cjs', '--output-type', 'json', ...files], {
    cwd: ROOT,
    encoding: 'utf8',
    // The JSON report of the whole tree is past spawnSync's 1 MB default.
    maxBuffer: 256 * 1024 * 1024,
  });
  const report = JSON.parse(run.stdout) as { summary: { violations: Violation[] } };
  return report.summary.violations;
}

describe('npm run lint: import boundaries of the tree', () => {
  it('finds nothing wrong', () => {
    expect(cruise(['src', 'server', 'scripts']).map((v) => `${v.rule.name} ${v.from}`)).toEqual([]);
  }, 60_000);
});

describe('npm run lint: each import boundary can fail', () => {
  const planted = PROBES.flatMap((p) => Object.keys(p.files));

  beforeAll(() => {
    for (const probe of PROBES) {
      for (const [path, text] of Object.entries(probe.files)) {
        mkdirSync(dirname(join(ROOT, path)), { recursive: true });
        writeFileSync(join(ROOT, path), text);
      }
    }
  });
  afterAll(() => {
    for (const path of planted) rmSync(join(ROOT, path), { force: true });
  });

  it('names each rule for the file planted to break it', () => {
    const violations = cruise(planted);
    const fired = PROBES.map((probe) => {
      const files = Object.keys(probe.files);
      const hit = violations.some((v) => v.rule.name === probe.rule && files.includes(v.from));
      return `${probe.rule}: ${hit ? 'fails' : 'passes'}`;
    });
    expect(fired).toEqual(PROBES.map((p) => `${p.rule}: fails`));
  }, 60_000);
});

describe('npm run lint: ESLint', () => {
  it('refuses `any` in domain code', () => {
    const run = spawnSync(
      bin('eslint'),
      ['-c', 'config/eslint.config.mjs', '--stdin', '--stdin-filename', 'server/features/people/probe.ts'],
      { cwd: ROOT, encoding: 'utf8', input: 'export const leak = (x: any): string => String(x);\n' },
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('@typescript-eslint/no-explicit-any');
  }, 60_000);
});
