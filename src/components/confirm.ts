import Taro from '@tarojs/taro';

/** Asks before a destructive action; a dismissed or failed dialog counts as "no". */
export async function confirmAction(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, confirmColor: '#C8102E', cancelText: '取消' });
    return res.confirm;
  } catch {
    return false;
  }
}

export function toast(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 }).catch(() => undefined);
}
