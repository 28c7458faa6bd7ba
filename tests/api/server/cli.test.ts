import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../../server/entry/args';
import { openSqliteStore } from '../../../server/store/sqlite';
import { COLLECTION_SPECS, type Collections } from '../../../server/features';

const root = join(__dirname, '..', '..', '..');

describe('parseArgs', () => {
  it('defaults to demo mode on 127.0.0.1:8080 with ./data', () => {
    expect(parseArgs([])).toEqual({ port: 8080, dataDir: './data', dev: false, demo: true, host: '127.0.0.1' });
  });

  it('takes --port, --data, --dev and --no-demo', () => {
    expect(parseArgs(['--port', '9000', '--data', '/tmp/x', '--dev', '--no-demo'])).toEqual({
      port: 9000,
      dataDir: '/tmp/x',
      dev: true,
      demo: false,
      host: '127.0.0.1',
    });
  });

  it('refuses unknown options and bad ports', () => {
    expect(() => parseArgs(['--prot', '1'])).toThrow(/unknown option/);
    expect(() => parseArgs(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseArgs(['--port'])).toThrow(/needs a value/);
  });
});

describe('the server command', () => {
  let child: ChildProcess | undefined;
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tongxin-cli-'));
  });
  afterAll(() => {
    child?.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on the given data folder bound to 127.0.0.1, seeds the demo unit and serves /healthz', async () => {
    child = spawn(
      join(root, 'node_modules', '.bin', 'tsx'),
      ['server/entry/serve.ts', '--port', '0', '--data', dataDir, '--dev'],
      {
        cwd: root,
      },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child?.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
        if (match) resolve(match[0]);
      });
      child?.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
    });
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true, demo: true, dev: true });
    const login = await fetch(`${url}/api/dev.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: 'demo-T0001' }),
    });
    const { data } = (await login.json()) as { data: { token: string } };
    const me = await fetch(`${url}/api/session.me`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${data.token}` },
    });
    expect(await me.json()).toMatchObject({ ok: true, data: { staff: { name: '李明' } } });
    expect(readdirSync(dataDir)).toContain('tongxin.db');
  }, 30_000);
});

describe('the seed command', () => {
  it('seeds the demo unit into an empty folder once, and leaves a seeded one alone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tongxin-seed-'));
    try {
      const run = () =>
        execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/seed.ts', '--data', dataDir], {
          cwd: root,
          encoding: 'utf8',
        });
      expect(run()).toMatch(/已写入示范单位数据/);
      expect(run()).toMatch(/已有名册，未改动/);
      const store = openSqliteStore<Collections>({ file: join(dataDir, 'tongxin.db'), specs: COLLECTION_SPECS });
      try {
        expect(await store.collection('staff').count({})).toBe(40);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
