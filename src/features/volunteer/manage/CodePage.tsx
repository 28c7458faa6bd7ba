import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { isWeapp } from '@/api/client';
import { useQuery } from '@/api/hooks';
import { ENV_VERSIONS } from '@/core/volunteer/contract';
import { Card } from '@/components/Card';
import { StateView } from '@/components/StateView';
import { decodeParam } from '../routes';
import { OrganizerGate } from './OrganizerGate';
import { QrCanvas } from './QrCanvas';
import '../volunteer.scss';

/** The on-site screen: a QR code and the same 6-digit code, renewed every 30 s by the server's clock. */
export function CodePage() {
  const id = decodeParam(useRouter()?.params?.id);
  return <OrganizerGate>{() => <CodeScreen id={id} />}</OrganizerGate>;
}

/** The build a WeChat code must open: a code for the release build would not open a trial one. */
function envVersion(): EnvVersion {
  const version = Taro.getAccountInfoSync().miniProgram.envVersion;
  return (ENV_VERSIONS as readonly string[]).includes(version) ? (version as EnvVersion) : 'release';
}

type EnvVersion = (typeof ENV_VERSIONS)[number];

/**
 * On weapp the screen shows WeChat's own mini-program code, which any phone's camera opens; when
 * WeChat cannot make one (no template of the page yet, a refusal), the drawn QR and the digits stay,
 * with WeChat's reason under them. In a browser there is no WeChat to ask: the drawn QR only.
 */
function CodeScreen({ id }: { id: string }) {
  const event = useQuery('volunteer.event.get', id ? { eventId: id } : null);
  const wx = useQuery('volunteer.code.image', isWeapp && id ? { eventId: id, envVersion: envVersion() } : null);
  const drawn = useQuery('volunteer.code', id && (!isWeapp || wx.error) ? { eventId: id } : null);
  const code = isWeapp && !wx.error ? wx : drawn;
  const [left, setLeft] = useState(30);
  const { reload } = code;

  useEffect(() => {
    if (!code.data) return undefined;
    const due = Date.now() + code.data.refreshInMs;
    const tick = () => setLeft(Math.max(0, Math.ceil((due - Date.now()) / 1000)));
    tick();
    const timer = setInterval(tick, 1000);
    // A little after the window turns, so the server is surely in the next one.
    const refresh = setTimeout(reload, code.data.refreshInMs + 300);
    return () => {
      clearInterval(timer);
      clearTimeout(refresh);
    };
  }, [code.data, reload]);

  if (!id) return <StateView kind='error' message='缺少活动编号' />;
  if (code.error) return <StateView kind='error' message={code.error.message} onRetry={code.reload} />;
  if (!code.data) return <StateView kind='loading' />;
  return (
    <Card title={event.data?.event.title ?? '现场签到'}>
      <View className='vol-code'>
        {wx.data && !wx.error ? (
          <Image className='vol-code__image' src={wx.data.image} mode='aspectFit' ariaLabel='签到小程序码' />
        ) : (
          <QrCanvas text={code.data.payload} size={260} />
        )}
        <Text className='vol-code__digits'>{code.data.code}</Text>
        <Text className='muted'>{left} 秒后更换 · 微信扫码或输入数字签到、签退</Text>
        {isWeapp && wx.error && <Text className='muted'>{wx.error.message}</Text>}
      </View>
    </Card>
  );
}
