import { fireEvent, waitFor } from '@testing-library/react';
import type { ReadingToday } from '@/core/reading/contract';

/** 07:30 in Shanghai on 2027-03-02 (a Tuesday). */
export const NOW = '2027-03-01T23:30:00.000Z';

export const today = (patch: Partial<ReadingToday> = {}): ReadingToday => ({
  date: '2027-03-02',
  now: NOW,
  workday: true,
  window: { start: '06:00', end: '09:30', state: 'open' },
  minReadingSeconds: 60,
  reading: {
    id: 'r-1',
    date: '2027-03-02',
    title: '以钉钉子精神抓好工作落实',
    body: '第一段。\n第二段。',
    publishedAt: NOW,
    updatedAt: NOW,
  },
  openedAt: null,
  checkin: null,
  streak: 3,
  monthCount: 1,
  makeupsLeft: 2,
  ...patch,
});

/** Taro renders the real <input>/<textarea> inside its element a tick later; typing fires its input event. */
export async function typeInto(placeholder: string, value: string): Promise<void> {
  const field = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('input, textarea')].find(
      (el) => el.getAttribute('placeholder') === placeholder,
    );
    if (!found) throw new Error(`no field with placeholder ${placeholder}`);
    return found;
  });
  fireEvent.input(field, { target: { value } });
}

export const buttonOf = (el: HTMLElement): HTMLElement => el.closest('taro-button-core') as HTMLElement;

/** Taro's H5 button writes disabled="true", "" or "false": only the last one is enabled. */
export const isDisabled = (el: HTMLElement): boolean =>
  el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false';
