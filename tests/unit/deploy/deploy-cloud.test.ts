import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEEDED_TIMEOUT_MS } from '../../../server/entry/cloud';
import { deployCloud } from '../../../scripts/deploy-cloud';
import { ManagementDouble } from './management-double';

/**
 * `npm run deploy:cloud` against the management API double through the real @cloudbase/manager-node:
 * a first deploy creates the function with the timeout, runtime, dependency install and timer trigger
 * of cloudfunctions/api/config.json; a second updates code and configuration and leaves the trigger.
 * The real build is replaced by writing a small index.js into a copy of the function folder (the
 * bundle test builds the real one; two builds at once would write the same file).
 */

const ENV = 'tongxin-deploy-3f9a';
const SECRET = { id: 'AKIDdeployTest', key: 'deploy-test-key' };
const KEY = { TENCENTCLOUD_SECRETID: SECRET.id, TENCENTCLOUD_SECRETKEY: SECRET.key };
const SOURCE = join(__dirname, '../../../cloudfunctions/api');
const CONFIG = JSON.parse(readFileSync(join(SOURCE, 'config.json'), 'utf8')) as {
  timeout: number;
  triggers: { name: string; config: string }[];
};

let double: ManagementDouble;
let undo: () => void;
let dir: string;
let builds = 0;

beforeAll(async () => {
  // manager-node announces its upload mode on the console; the assertions read the requests instead.
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
  double = await ManagementDouble.start(ENV, SECRET);
  undo = double.use();
  dir = join(mkdtempSync(join(tmpdir(), 'tongxin-deploy-')), 'api');
  mkdirSync(join(dir, 'node_modules', 'left-out'), { recursive: true });
  for (const file of ['config.json', 'package.json']) copyFileSync(join(SOURCE, file), join(dir, file));
  writeFileSync(join(dir, 'node_modules', 'left-out', 'index.js'), 'module.exports = 1;\n');
});

afterAll(async () => {
  jest.restoreAllMocks();
  undo?.();
  await double?.close();
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

const build = () => {
  builds += 1;
  writeFileSync(join(dir, 'index.js'), `exports.main = async () => ({ ok: true, build: ${builds} });\n`);
};
const deploy = (argv: string[], lines: string[] = []) =>
  deployCloud(argv, KEY, { dir, build, log: (line) => lines.push(line) });
const body = (action: string) => double.calls.filter((c) => c.action === action).map((c) => c.body);
/** File names in a zip's central directory (stored uncompressed). */
const zipNames = (base64: unknown) => {
  const zip = Buffer.from(String(base64), 'base64');
  const names: string[] = [];
  for (let at = zip.indexOf('PK\x01\x02'); at >= 0; at = zip.indexOf('PK\x01\x02', at + 4)) {
    const length = zip.readUInt16LE(at + 28);
    names.push(zip.subarray(at + 46, at + 46 + length).toString('utf8'));
  }
  return names.sort();
};

it('creates the function with its timeout, runtime and trigger, then updates it', async () => {
  expect(CONFIG.timeout * 1000).toBeGreaterThanOrEqual(NEEDED_TIMEOUT_MS);
  expect(await deploy(['--env', ENV])).toBe('created');
  expect(builds).toBe(1);
  const [created] = body('CreateFunction');
  expect(created).toMatchObject({
    FunctionName: 'api',
    Namespace: ENV,
    Runtime: 'Nodejs18.15',
    Handler: 'index.main',
    Timeout: CONFIG.timeout,
    MemorySize: 256,
    InstallDependency: 'TRUE',
  });
  expect(zipNames((created.Code as { ZipFile: string }).ZipFile)).toEqual(['config.json', 'index.js', 'package.json']);
  expect(body('BatchCreateTrigger')).toEqual([
    {
      FunctionName: 'api',
      Namespace: ENV,
      Count: 1,
      Triggers: JSON.stringify(
        CONFIG.triggers.map((t) => ({ TriggerName: t.name, Type: 'timer', TriggerDesc: t.config })),
      ),
    },
  ]);
  expect(double.functions.get('api')?.Triggers.map((t) => t.TriggerName)).toEqual(['jobs']);

  double.calls.length = 0;
  const lines: string[] = [];
  expect(await deploy(['--env', ENV], lines)).toBe('updated');
  expect(double.actions().filter((a) => !/GetFunction|DescribeEnvInfo/.test(a))).toEqual([
    'scf.UpdateFunctionCode',
    'scf.UpdateFunctionConfiguration',
  ]);
  const [code] = body('UpdateFunctionCode');
  expect(code).toMatchObject({ FunctionName: 'api', Namespace: ENV, Handler: 'index.main', InstallDependency: 'TRUE' });
  expect(zipNames((code.Code as { ZipFile: string }).ZipFile)).toEqual(['config.json', 'index.js', 'package.json']);
  expect(body('UpdateFunctionConfiguration')).toEqual([
    expect.objectContaining({ FunctionName: 'api', Namespace: ENV, Timeout: CONFIG.timeout, MemorySize: 256 }),
  ]);
  expect(lines).toContain('  触发器无变化');
}, 30_000);

it('replaces a trigger whose schedule changed', async () => {
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as typeof CONFIG;
  config.triggers = [{ ...config.triggers[0], config: '0 30 2 * * * *' }];
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  double.calls.length = 0;
  expect(await deploy(['--env', ENV])).toBe('updated');
  expect(body('DeleteTrigger')).toEqual([{ FunctionName: 'api', Namespace: ENV, TriggerName: 'jobs', Type: 'timer' }]);
  expect(JSON.parse(String(body('BatchCreateTrigger')[0].Triggers))).toEqual([
    { TriggerName: 'jobs', Type: 'timer', TriggerDesc: '0 30 2 * * * *' },
  ]);
  copyFileSync(join(SOURCE, 'config.json'), join(dir, 'config.json'));
}, 30_000);

it('calls nothing in a dry run, and refuses a timeout shorter than the entry needs', async () => {
  double.calls.length = 0;
  const before = builds;
  const lines: string[] = [];
  expect(await deploy(['--env', ENV, '--dry-run'], lines)).toBe('dry-run');
  expect(lines.join('\n')).toContain(`超时 ${CONFIG.timeout} 秒`);
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...CONFIG, timeout: 3 }));
  await expect(deploy(['--env', ENV])).rejects.toMatchObject({ code: 'RULE' });
  copyFileSync(join(SOURCE, 'config.json'), join(dir, 'config.json'));
  expect(builds).toBe(before);
  expect(double.calls).toEqual([]);
});
