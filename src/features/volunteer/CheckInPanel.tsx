import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { call, isWeapp } from '@/api/client';
import { isCodeShape, parseCodePayload } from '@/core/volunteer/rules';
import { parseScannedPath } from '@/core/volunteer/scene';
import { ErrorText } from '@/components/StateView';
import { toast } from '@/components/confirm';

type Scan = 'volunteer.signin' | 'volunteer.signout';

interface Props {
  eventId: string;
  signIn: boolean;
  signOut: boolean;
  /** The code of a WeChat mini-program code the page was opened with (its `scene`), not yet sent. */
  scanned?: string;
  onDone: () => void;
}

const LABEL: Record<Scan, string> = { 'volunteer.signin': '签到', 'volunteer.signout': '签退' };

/**
 * On-site sign-in and sign-out: scan the organizer's QR code in WeChat; in a browser, type the
 * 6-digit code shown under it. The server checks the code (current or previous 30-s window).
 * Opened by the phone's camera from the WeChat code, the code is already here: one tap sends it,
 * even outside the offered times, so that the server's answer says why not (not signed up, too early).
 */
export function CheckInPanel({ eventId, signIn, signOut, scanned, onDone }: Props) {
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(scanned ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const action: Scan = signIn || !signOut ? 'volunteer.signin' : 'volunteer.signout';
  if (!signIn && !signOut && !pending) return null;

  async function send(value: string) {
    setBusy(true);
    setError(null);
    const res = await call(action, { eventId, code: value });
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    toast(res.data.already ? `已${LABEL[action]}过` : `${LABEL[action]}成功`);
    setCode('');
    setPending('');
    onDone();
  }

  async function scan() {
    setError(null);
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      const parsed = parseScannedPath(res.path) ?? parseCodePayload(res.result);
      if (!parsed) return setError('这不是同心的签到二维码');
      if (parsed.eventId !== eventId) return setError('这是另一个活动的签到码，请扫描本活动现场的二维码');
      await send(parsed.code);
    } catch {
      // Closing the camera is not an error worth a message.
    }
  }

  function typed() {
    const value = code.trim();
    if (!isCodeShape(value)) return setError('请输入现场显示的 6 位数字签到码');
    void send(value);
  }

  if (pending) {
    return (
      <View className='vol-checkin'>
        <Text className='card__text'>已识别现场签到码 {pending}</Text>
        <Button className='btn btn--primary btn--block' disabled={busy} onClick={() => void send(pending)}>
          {LABEL[action]}
        </Button>
        <ErrorText message={error} />
      </View>
    );
  }

  return (
    <View className='vol-checkin'>
      {isWeapp ? (
        <Button className='btn btn--primary btn--block' disabled={busy} onClick={() => void scan()}>
          扫码{LABEL[action]}
        </Button>
      ) : (
        <View className='vol-checkin__row'>
          <Input
            className='field__input vol-checkin__input'
            type='number'
            maxlength={6}
            value={code}
            placeholder='现场 6 位签到码'
            onInput={(e) => setCode(e.detail.value)}
            onConfirm={typed}
          />
          <Button className='btn btn--primary' disabled={busy} onClick={typed}>
            {LABEL[action]}
          </Button>
        </View>
      )}
      <Text className='field__hint'>签到码每 30 秒更换一次，以现场屏幕为准。</Text>
      <ErrorText message={error} />
    </View>
  );
}
