import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '@/api/client';
import { ResultsPanel } from '@/features/honor/admin/ResultsPanel';
import { type FakeServer, fakeServer, ok } from '../../support/fake-server';
import { honorRound, nomination } from './fixtures';

let server: FakeServer;
beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
});
afterEach(() => jest.restoreAllMocks());

test('during publicity an honoree can be taken off the list, with a reason', async () => {
  const round = honorRound({ phase: 'publicity', winnerIds: ['n-1', 'n-2'] });
  server.on('honor.results', () =>
    ok({
      round,
      ballots: 30,
      eligible: 40,
      items: [
        { nomination: nomination('n-1', 's-5', '陈静'), votes: 20, winner: true },
        { nomination: nomination('n-2', 's-6', '杨磊'), votes: 12, winner: true },
      ],
    }),
  );
  server.on('honor.unselect', () => ok({ round }));
  const onSelected = jest.fn();
  render(<ResultsPanel round={round} onSelected={onSelected} />);
  const buttons = await screen.findAllByText('撤销入选');
  expect(buttons).toHaveLength(2);
  fireEvent.click(buttons[1]);
  const confirm = screen.getByText('确认撤销');
  fireEvent.click(confirm);
  expect(server.calls.some((c) => c.action === 'honor.unselect')).toBe(false); // no reason yet
  // Taro's Input renders its real <input> a tick later.
  const input = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>('input[placeholder="撤销原因（仅管理员可见）"]');
    if (!found) throw new Error('no reason field yet');
    return found;
  });
  fireEvent.input(input, { target: { value: '异议经核实成立' } });
  fireEvent.click(screen.getByText('确认撤销'));
  await waitFor(() => expect(onSelected).toHaveBeenCalled());
  expect(server.calls.filter((c) => c.action === 'honor.unselect').map((c) => c.input)).toEqual([
    { roundId: 'r-1', nominationId: 'n-2', reason: '异议经核实成立' },
  ]);
});
