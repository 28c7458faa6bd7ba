import { AppError } from '../../../src/core/errors';
import type { HonorStore } from './ctx';

/** Per member and hour: plenty for a few nominations, not enough to fill a disk. */
export const UPLOADS_PER_HOUR = 60;
/** Per unit, all photos together: a generous year of nominations, far from a full disk. */
export const UNIT_PHOTO_BYTES = 1024 * 1024 * 1024;
const HOUR_MS = 60 * 60 * 1000;

/**
 * Admits one deeds photo of `bytes` from a member, or refuses it with a coded error and records
 * nothing. The attempt is recorded before it is counted (as bind attempts are), so that a burst of
 * simultaneous uploads cannot all pass the count; the unit's total is taken with a conditional
 * increment, so the quota holds under concurrency too.
 */
export async function admitUpload(
  store: HonorStore,
  upload: { name: string; staffId: string; bytes: number },
  now: Date,
): Promise<void> {
  const uploads = store.collection('photoUploads');
  await uploads.insert({ _id: upload.name, staffId: upload.staffId, at: now.toISOString(), bytes: upload.bytes });
  const since = new Date(now.getTime() - HOUR_MS).toISOString();
  if ((await uploads.count({ staffId: upload.staffId, at: { gt: since } })) > UPLOADS_PER_HOUR) {
    await uploads.remove({ _id: upload.name });
    throw new AppError('RATE_LIMITED', '上传过于频繁，请一小时后再试');
  }
  const quota = store.collection('photoQuota');
  const room = { _id: 'unit', bytes: { lte: UNIT_PHOTO_BYTES - upload.bytes } };
  let taken = await quota.update(room, { inc: { count: 1, bytes: upload.bytes } });
  if (taken === 0 && !(await quota.get('unit'))) {
    try {
      await quota.insert({ _id: 'unit', count: 0, bytes: 0 });
    } catch {
      // Another upload created it first.
    }
    taken = await quota.update(room, { inc: { count: 1, bytes: upload.bytes } });
  }
  if (taken === 0) {
    await uploads.remove({ _id: upload.name });
    throw new AppError('RULE', '本单位的照片存储空间已满，请联系办公室', { rule: 'photoQuota' });
  }
}
