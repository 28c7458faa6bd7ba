import Taro from '@tarojs/taro';
import { confirmAction, MODAL_FAILED } from '@/components/confirm';

// confirmAction is how every consequential button asks first; a dialog that cannot be shown once
// made 「确定入选名单并公示」 do nothing at all (showModal refuses a confirmText over 4 characters).
afterEach(() => jest.restoreAllMocks());

const toast = () => jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });

test('answers what the person chose', async () => {
  const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'ok' });
  expect(await confirmAction('发布好人榜', '发布后入选人员将登上好人榜。', '发布')).toBe(true);
  expect(modal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '发布', cancelText: '取消' }));
  modal.mockResolvedValue({ confirm: false, cancel: true, errMsg: 'ok' });
  expect(await confirmAction('取消报名', '确定取消？', '取消报名', '再想想')).toBe(false);
});

test('a dialog that cannot be shown is a visible error, never a silent no', async () => {
  jest.spyOn(Taro, 'showModal').mockRejectedValue({ errMsg: 'showModal:fail' });
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const shown = toast();
  expect(await confirmAction('确定入选名单', '入选：黄丽。', '确定公示')).toBe(false);
  expect(shown).toHaveBeenCalledWith(expect.objectContaining({ title: MODAL_FAILED, icon: 'none' }));
});

test('a button text over 4 characters is refused before the dialog, visibly', async () => {
  const modal = jest.spyOn(Taro, 'showModal');
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const shown = toast();
  const computed: string = ['确定', '并公示'].join('');
  // @ts-expect-error: a literal over 4 characters does not compile.
  expect(await confirmAction('确定入选名单', '……', '确定并公示')).toBe(false);
  expect(await confirmAction('确定入选名单', '……', computed as '确定')).toBe(false);
  expect(modal).not.toHaveBeenCalled();
  expect(shown).toHaveBeenCalledTimes(2);
});

test("Taro's H5 modal itself refuses a long button text (the limit is real)", async () => {
  await expect(Taro.showModal({ title: 't', content: 'c', confirmText: '确定并公示' })).rejects.toBeTruthy();
});
