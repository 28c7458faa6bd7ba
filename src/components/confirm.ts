import Taro from '@tarojs/taro';

/**
 * A button text of `showModal`: WeChat (and Taro's H5 modal, 4.2) refuses a `confirmText` or
 * `cancelText` over 4 characters, and the call then fails. Literal texts are checked here by the
 * compiler; anything longer is a type error at the call site.
 */
export type ModalLabel<S extends string> = string extends S
  ? never
  : S extends `${infer _A}${infer _B}${infer _C}${infer _D}${infer _E}${infer _Rest}`
    ? never
    : S;

export const MODAL_LABEL_MAX = 4;

/** What the person sees when the dialog itself cannot be shown: never a silent "no". */
export const MODAL_FAILED = '无法打开确认框，请重试';

/**
 * Asks before a consequential action; resolves to whether the person confirmed. A dismissed dialog
 * is "no"; a dialog that could not be shown is a visible error (a toast), then "no".
 */
export async function confirmAction<C extends string = '确定', X extends string = '取消'>(
  title: string,
  content: string,
  confirmText?: ModalLabel<C>,
  cancelText?: ModalLabel<X>,
): Promise<boolean> {
  const ok = confirmText ?? '确定';
  const cancel = cancelText ?? '取消';
  try {
    // Texts computed at run time escape the type: refuse them here, with the same visible error.
    if ([ok, cancel].some((t) => [...t].length > MODAL_LABEL_MAX)) {
      throw new Error(`showModal button text over ${MODAL_LABEL_MAX} characters: ${ok} / ${cancel}`);
    }
    const res = await Taro.showModal({ title, content, confirmText: ok, cancelText: cancel, confirmColor: '#C8102E' });
    return res.confirm;
  } catch (error) {
    console.error('[confirm]', error instanceof Error ? error.message : error);
    void Taro.showToast({ title: MODAL_FAILED, icon: 'none', duration: 2500 }).catch(() => undefined);
    return false;
  }
}

export function toast(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 }).catch(() => undefined);
}
