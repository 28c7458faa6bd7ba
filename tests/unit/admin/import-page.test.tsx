import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { Current } from '@tarojs/taro';
import { setTransport, type Transport } from '@/api/client';
import { clearToken, setToken } from '@/api/token';
import type { ImportPreview } from '@/core/people/contract';
import { ImportPage } from '@/features/admin/import/ImportPage';
import { resetSession } from '@/features/session/session';
import { boundMe, type FakeServer, fakeServer, ok } from '../../support/fake-server';

jest.mock('@/components/download', () => ({ saveAndOpen: jest.fn().mockResolvedValue(undefined) }));
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the mocked module, typed
const { saveAndOpen } = require('@/components/download') as { saveAndOpen: jest.Mock };

/** 450 good rows (one an update) and two bad lines: three chunks of 200, 200 and 50. */
const PREVIEW: ImportPreview = {
  fileName: 'roster.csv',
  rows: Array.from({ length: 450 }, (_, i) => ({
    line: i + 2,
    row: { staffNo: `F${i}`, name: `人${i}`, department: '办公室' },
    action: i === 0 ? ('update' as const) : ('create' as const),
  })),
  errors: [
    { line: 452, reason: '缺少部门' },
    { line: 453, reason: '工号与第 2 行重复' },
  ],
  creates: 449,
  updates: 1,
  ignoredColumns: [],
};

let server: FakeServer;
let release: () => void = () => undefined;

beforeEach(() => {
  server = fakeServer();
  let imports = 0;
  // The second chunk waits until the test lets it go, so that the page can be seen mid-way.
  const gate = new Promise<void>((resolve) => (release = resolve));
  const transport: Transport = {
    ...server.transport,
    async call(action, input, token) {
      if (action === 'staff.import' && imports++ === 1) await gate;
      return server.transport.call(action, input, token);
    },
  };
  setTransport(transport);
  setToken('demo-token');
  resetSession();
  server.on('session.me', () => ok(boundMe({ id: 's-1', staffNo: 'T0001', name: '李明', roles: ['staff', 'admin'] })));
  server.on('staff.import.preview', () => ok(PREVIEW));
  server.on('staff.import', (input) => {
    const rows = (input as { rows: { staffNo: string }[] }).rows;
    const results = rows.map((r, i) => ({
      line: i + 1,
      staffNo: r.staffNo,
      status: r.staffNo === 'F0' ? ('updated' as const) : ('created' as const),
    }));
    const updated = results.filter((r) => r.status === 'updated').length;
    return ok({ results, created: rows.length - updated, updated, failed: 0 });
  });
  server.on('staff.import.template', () => ok({ fileName: '模板.xlsx', mime: 'application/x', base64: 'UEsDBA==' }));
  Current.router = {
    params: {},
    path: '/subpackages/admin/import/index',
    onReady: '',
    onHide: '',
    onShow: '',
    shareTicket: undefined,
    scene: undefined,
  };
});

afterEach(() => {
  jest.restoreAllMocks();
  clearToken();
});

const sent = (action: string) => server.calls.filter((c) => c.action === action);

function choose(container: HTMLElement, content: string, name = 'roster.csv') {
  const input = container.querySelector('input[type=file]');
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([content], name)] });
  fireEvent.change(input);
}

const importButton = () => screen.getByText(/^导入 450 行$|^正在导入…$|^导入完成$/).closest('taro-button-core');

test('a chosen file is previewed, imported in chunks under a progress bar, and imported once', async () => {
  const { container } = render(<ImportPage />);
  await screen.findByText('选择文件');
  choose(container, '工号,姓名,部门\nF0,人0,办公室\n');

  expect(await screen.findByText(/可导入 450 行（新增 449 人，更新 1 人），2 行有问题（不会导入）/)).toBeTruthy();
  const [call] = sent('staff.import.preview');
  const input = call.input as { fileName: string; base64: string };
  expect(input.fileName).toBe('roster.csv');
  expect(Buffer.from(input.base64, 'base64').toString('utf8')).toBe('工号,姓名,部门\nF0,人0,办公室\n');
  expect(screen.getByText('有问题的行（2）')).toBeTruthy();
  expect(screen.getByText('工号与第 2 行重复')).toBeTruthy();
  expect(screen.getByText('仅显示前 100 行，共 450 行。')).toBeTruthy();

  fireEvent.click(screen.getByText('导入 450 行'));
  expect(await screen.findByText('已导入 200 / 450')).toBeTruthy();
  expect(screen.getByText('正在导入…')).toBeTruthy();
  expect(importButton()?.hasAttribute('disabled')).toBe(true);
  fireEvent.click(screen.getByText('正在导入…'));
  await act(async () => release());
  expect(await screen.findByText('已导入 450 / 450')).toBeTruthy();
  expect(screen.getByText('导入完成')).toBeTruthy();
  expect(importButton()?.hasAttribute('disabled')).toBe(true);
  expect(screen.getByText(/新增 449 人，更新 1 人，失败 0 行，未提交 2 行/)).toBeTruthy();
  expect(sent('staff.import').map((c) => (c.input as { rows: unknown[] }).rows.length)).toEqual([200, 200, 50]);

  fireEvent.click(screen.getByText('导入完成'));
  expect(sent('staff.import')).toHaveLength(3);

  // A new file (the same one again) enables importing again.
  choose(container, '工号,姓名,部门\nF0,人0,办公室\n');
  expect(await screen.findByText('导入 450 行', undefined, { timeout: 5000 })).toBeTruthy();
  fireEvent.click(screen.getByText('导入 450 行'));
  await waitFor(() => expect(sent('staff.import')).toHaveLength(6));
  // A hundred table rows of Taro's web components take a few seconds to draw in jsdom.
}, 30_000);

test('a wrong kind of file is refused on the page and never sent', async () => {
  const { container } = render(<ImportPage />);
  await screen.findByText('选择文件');
  choose(container, 'hello', 'notes.txt');
  expect(await screen.findByText('请选择 .xlsx 或 .csv 文件')).toBeTruthy();
  expect(sent('staff.import.preview')).toHaveLength(0);
});

test('the template is fetched and handed to the shared download helper', async () => {
  render(<ImportPage />);
  fireEvent.click(await screen.findByText('下载模板'));
  await waitFor(() => expect(saveAndOpen).toHaveBeenCalled());
  expect(saveAndOpen.mock.calls[0][0]).toEqual({ fileName: '模板.xlsx', mime: 'application/x', base64: 'UEsDBA==' });
});

test('bad lines can be copied', async () => {
  const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok', data: '' });
  const { container } = render(<ImportPage />);
  await screen.findByText('选择文件');
  choose(container, '工号,姓名,部门\n');
  fireEvent.click(await screen.findByText('复制问题行'));
  await waitFor(() => expect(copy).toHaveBeenCalled());
  expect(copy.mock.calls[0][0]).toMatchObject({ data: '第 452 行：缺少部门\n第 453 行：工号与第 2 行重复' });
});
