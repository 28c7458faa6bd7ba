import { type ReactNode, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { HonorNomination } from '@/core/honor/contract';
import { KIND_LABELS, photoSrc } from '@/core/honor/rules';
import { STATUS_LABELS } from './format';

const SHORT = 90;

const STATUS_TONE = { pending: 'badge--muted', approved: 'badge--ok', rejected: '' } as const;

/** One nomination as a card: who, for what, the deeds (folded when long), photos and support. */
interface CardProps {
  item: HonorNomination;
  /** Lists of candidates and honorees: the review status says nothing there. */
  hideStatus?: boolean;
  children?: ReactNode;
}

export function NominationCard({ item, hideStatus = false, children }: CardProps) {
  const [open, setOpen] = useState(false);
  const long = item.deeds.length > SHORT;
  const photos = item.photos.map(photoSrc);
  return (
    <View className='hn-card card'>
      <View className='hn-card__head'>
        <View className='hn-card__who'>
          <Text className='hn-card__name'>{item.nominee.name}</Text>
          <Text className='hn-card__dept'>{item.nominee.department}</Text>
        </View>
        <View className='hn-card__badges'>
          {item.winner && <Text className='badge hn-badge--gold'>入选</Text>}
          {item.status && !hideStatus && (
            <Text className={`badge ${STATUS_TONE[item.status]}`}>{STATUS_LABELS[item.status]}</Text>
          )}
        </View>
      </View>
      <View className='hn-card__meta'>
        <Text className='badge'>{item.category}</Text>
        <Text className='hn-card__kind'>
          {KIND_LABELS[item.kind]}
          {item.nominator && item.kind !== 'self' ? ` · ${item.nominator.name}` : ''}
        </Text>
        {item.seconders > 0 && <Text className='hn-card__support'>{item.seconders} 人附议</Text>}
      </View>
      <Text className='hn-card__deeds'>{long && !open ? `${item.deeds.slice(0, SHORT)}…` : item.deeds}</Text>
      {long && (
        <Text className='hn-card__more' onClick={() => setOpen((o) => !o)}>
          {open ? '收起' : '展开全文'}
        </Text>
      )}
      {photos.length > 0 && (
        <View className='hn-card__photos'>
          {photos.map((src) => (
            <Image
              key={src}
              className='hn-card__photo'
              src={src}
              mode='aspectFill'
              onClick={() => void Taro.previewImage({ current: src, urls: photos }).catch(() => undefined)}
            />
          ))}
        </View>
      )}
      {item.reviewComment && <Text className='hn-card__comment'>审核意见：{item.reviewComment}</Text>}
      {children}
    </View>
  );
}
