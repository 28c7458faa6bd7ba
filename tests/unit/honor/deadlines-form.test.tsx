import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '@/api/client';
import { DeadlinesForm } from '@/features/honor/admin/DeadlinesForm';
import { type FakeServer, fakeServer, ok } from '../../support/fake-server';
import { honorRound } from './fixtures';

let server: FakeServer;
beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
});
afterEach(() => jest.restoreAllMocks());

const sent = () => server.calls.filter((c) => c.action === 'honor.round.update').map((c) => c.input);

test('shows the deadlines on the unit clock and sends them back as instants', async () => {
  const round = honorRound({ phase: 'nominating' });
  server.on('honor.round.update', () => ok({ round }));
  const onSaved = jest.fn();
  render(<DeadlinesForm round={round} timeZone='Asia/Shanghai' onSaved={onSaved} />);
  // 10:00 UTC is 18:00 in Shanghai.
  const shown = (value: string) => document.querySelectorAll(`taro-input-core[value="${value}"]`).length;
  expect(shown('18:00')).toBe(2);
  expect(shown('2099-01-01')).toBe(1);
  fireEvent.click(screen.getByText('修改截止时间'));
  await waitFor(() => expect(onSaved).toHaveBeenCalled());
  expect(sent()).toEqual([
    { roundId: 'r-1', nominateUntil: '2099-01-01T10:00:00.000Z', voteUntil: '2099-02-01T10:00:00.000Z' },
  ]);
});

test('once nominations are closed only the vote deadline is offered and sent', async () => {
  const round = honorRound({ phase: 'reviewing' });
  server.on('honor.round.update', () => ok({ round }));
  render(<DeadlinesForm round={round} timeZone='Asia/Shanghai' onSaved={() => undefined} />);
  expect(screen.queryByText('推荐截止')).toBeNull();
  fireEvent.click(screen.getByText('修改截止时间'));
  await waitFor(() => expect(sent()).toHaveLength(1));
  expect(sent()[0]).toEqual({ roundId: 'r-1', voteUntil: '2099-02-01T10:00:00.000Z' });
});
