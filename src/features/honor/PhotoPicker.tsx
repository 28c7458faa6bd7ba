import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { MAX_PHOTOS, photoSrc } from '@/core/honor/rules';
import { ErrorText } from '@/components/StateView';
import { pickPhotos } from './photos';

/** Up to three photos of the deeds: uploaded as soon as they are picked, removable before sending. */
export function PhotoPicker({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function add() {
    if (busy) return;
    setBusy(true);
    setError(null);
    const results = await pickPhotos(MAX_PHOTOS - value.length);
    setBusy(false);
    const ids = results.flatMap((r) => (r.ok ? [r.id] : []));
    const failed = results.find((r): r is { ok: false; message: string } => !r.ok);
    if (failed) setError(failed.message);
    if (ids.length > 0) onChange([...value, ...ids].slice(0, MAX_PHOTOS));
  }

  const urls = value.map(photoSrc);
  return (
    <View className='hn-photos'>
      <View className='hn-photos__list'>
        {value.map((id, i) => (
          <View key={id} className='hn-photos__item'>
            <Image
              className='hn-photos__img'
              src={urls[i]}
              mode='aspectFill'
              onClick={() => void Taro.previewImage({ current: urls[i], urls }).catch(() => undefined)}
            />
            <Text className='hn-photos__remove' onClick={() => onChange(value.filter((v) => v !== id))}>
              ×
            </Text>
          </View>
        ))}
        {value.length < MAX_PHOTOS && (
          <Button className='btn btn--small hn-photos__add' disabled={busy} onClick={() => void add()}>
            {busy ? '上传中…' : '+ 添加照片'}
          </Button>
        )}
      </View>
      <ErrorText message={error} />
    </View>
  );
}
