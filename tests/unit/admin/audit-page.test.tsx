import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setTransport } from '@/api/client';
import { clearToken, setToken } from '@/api/token';
import type { AuditEntry } from '@/core/audit/views';
import { AuditPage } from '@/features/admin/audit/AuditPage';
import { resetSession } from '@/features/session/session';
import { boundMe, type FakeServer, fakeServer, ok } from '../../support/fake-server';

const line = (n: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  id: `a-${n}`,
  at: '2026-09-30T16:30:00.000Z', // 00:30 on 10-01 in Shanghai
  actorId: 's-1',
  actorName: '李明',
  actorStaffNo: 'T0001',
  action: 'calendar.set',
  target: 'date:2026-10-01',
  ...over,
});

let server: FakeServer;
beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
  setToken('demo-token');
  resetSession();
  server.on('session.me', () => ok(boundMe({ id: 's-1', staffNo: 'T0001', name: '李明', roles: ['staff', 'admin'] })));
  server.on('audit.list', (input) => {
    const { page = 1 } = input as { page?: number };
    const items = page === 1 ? [line(1), line(2, { action: 'legacy.thing', target: undefined })] : [line(3)];
    return ok({ items, total: 120, page, pageSize: 50 });
  });
  server.on('staff.search', () => ok({ items: [{ id: 's-2', name: '王芳', department: '办公室' }] }));
});
afterEach(() => clearToken());

const listed = () => server.calls.filter((c) => c.action === 'audit.list').map((c) => c.input);

test('shows who, what (in Chinese, unknown names as written), the target and the local time', async () => {
  render(<AuditPage />);
  expect((await screen.findAllByText('李明（T0001）')).length).toBe(2);
  expect(screen.getAllByText('设置工作日历').length).toBeGreaterThan(0);
  expect(screen.getByText('legacy.thing')).toBeTruthy();
  expect(screen.getAllByText('日期 2026-10-01').length).toBe(1);
  expect(screen.getAllByText('2026-10-01 00:30').length).toBe(2);
  expect(screen.getByText('第 1 / 3 页')).toBeTruthy();
});

test('pages with 上一页 / 下一页', async () => {
  render(<AuditPage />);
  await screen.findByText('第 1 / 3 页');
  fireEvent.click(screen.getByText('下一页'));
  expect(await screen.findByText('第 2 / 3 页')).toBeTruthy();
  expect(listed().at(-1)).toEqual({ page: 2 });
});

test('filters by a person found with staff.search, back to page 1', async () => {
  render(<AuditPage />);
  await screen.findByText('第 1 / 3 页');
  fireEvent.click(screen.getByText('下一页'));
  await screen.findByText('第 2 / 3 页');
  const input = document.querySelector('.alog__search input') as HTMLInputElement;
  fireEvent.input(input, { target: { value: '王' } });
  fireEvent.click(screen.getByText('查找'));
  fireEvent.click(await screen.findByText('王芳'));
  await waitFor(() => expect(listed().at(-1)).toEqual({ page: 1, actorId: 's-2' }));
  expect(screen.getByText('操作人：王芳')).toBeTruthy();
  fireEvent.click(screen.getByText('全部人员'));
  await waitFor(() => expect(listed().at(-1)).toEqual({ page: 1 }));
});

test('filters by action', async () => {
  render(<AuditPage />);
  await screen.findByText('第 1 / 3 页');
  const select = screen.getByLabelText('按操作筛选') as HTMLSelectElement;
  fireEvent.change(select, { target: { value: 'reading.publish' } });
  await waitFor(() => expect(listed().at(-1)).toEqual({ page: 1, action: 'reading.publish' }));
});
