import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { call } from '@/api/client';
import { useQuery } from '@/api/hooks';
import type { NoticeKey } from '@/core/notice';
import { isWeapp } from '@/components/platform';
import { toast } from '@/components/confirm';

/**
 * The one place consent to a WeChat message is asked: a button after the moment it serves (a
 * check-in, a sign-up, a nomination), never a dialog of its own accord. WeChat opens its consent
 * dialog only from a tap, and one consent allows one message; the browser has no WeChat, so there a
 * tap stands in for 允许 (the local server only records what it would send). Nothing shows when the
 * unit configured no template, or while a consent is still unspent.
 */
export function RemindMe({ noticeKey, label }: { noticeKey: NoticeKey; label: string }) {
  const status = useQuery('notice.status', {});
  const [busy, setBusy] = useState(false);
  const template = status.data?.templates.find((t) => t.key === noticeKey);
  if (!template?.templateId) return null;
  const templateId = template.templateId;
  if (template.credits > 0) {
    return (
      <View className='remind'>
        <Text className='muted'>已订阅微信提醒</Text>
      </View>
    );
  }

  async function ask() {
    setBusy(true);
    try {
      const accepted = isWeapp ? await askWeChat(templateId) : [templateId];
      if (accepted.length === 0) {
        toast('未开启提醒');
        return;
      }
      const res = await call('notice.consent', { accepted });
      if (!res.ok) {
        toast(res.error.message);
        return;
      }
      status.setData(res.data);
      toast('已开启提醒');
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='remind'>
      <Button className='btn' disabled={busy} onClick={() => void ask()}>
        {label}
      </Button>
    </View>
  );
}

async function askWeChat(templateId: string): Promise<string[]> {
  try {
    const answer = await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] });
    return (answer as Record<string, unknown>)[templateId] === 'accept' ? [templateId] : [];
  } catch {
    // The person turned subscribe messages off in 设置, or the template no longer exists.
    return [];
  }
}
