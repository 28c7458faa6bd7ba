import { useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import type { HonorNomination } from '@/core/honor/contract';
import { ErrorText } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { NominationCard } from '../NominationCard';

/** One nomination under review: approve, or reject with a comment the nominator will read. */
export function ReviewItem({
  item,
  editable,
  onReviewed,
}: {
  item: HonorNomination;
  editable: boolean;
  onReviewed: () => void;
}) {
  const [comment, setComment] = useState(item.reviewComment ?? '');
  const review = useMutation('honor.review');

  async function decide(decision: 'approve' | 'reject') {
    const text = comment.trim();
    const res = await review.run({ nominationId: item.id, decision, ...(text ? { comment: text } : {}) });
    if (res.ok) {
      toast(decision === 'approve' ? '已通过' : '已退回');
      onReviewed();
    }
  }

  return (
    <NominationCard item={item}>
      {item.nominator && (
        <View className='hn-card__relation'>
          推荐人：{item.nominator.name}（{item.nominator.department}）
        </View>
      )}
      {item.objections && item.objections.length > 0 && (
        <View className='hn-objections'>
          {item.objections.map((o) => (
            <View key={o.id} className='hn-objections__item'>
              异议 · {o.by.name}（{o.by.department}）：{o.text}
            </View>
          ))}
        </View>
      )}
      {editable && (
        <View className='hn-review'>
          <Input
            className='field__input'
            value={comment}
            maxlength={200}
            placeholder='审核意见（不通过时必填，推荐人可见）'
            onInput={(e) => {
              setComment(e.detail.value);
              review.clearError();
            }}
          />
          <ErrorText message={review.error?.message} />
          <View className='btn-row'>
            <Button
              className='btn btn--primary btn--small'
              disabled={review.busy}
              onClick={() => void decide('approve')}
            >
              通过
            </Button>
            <Button className='btn btn--danger btn--small' disabled={review.busy} onClick={() => void decide('reject')}>
              不通过
            </Button>
          </View>
        </View>
      )}
    </NominationCard>
  );
}
