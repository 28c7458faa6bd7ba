import {
  DEFAULT_BALLOT_SIZE,
  DEFAULT_CATEGORIES,
  DEFAULT_PUBLICITY_DAYS,
  type HonorKind,
} from '../../../src/core/honor/rules';
import { addDays, localDayKey, localInstant } from '../../../src/core/time';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/schema';
import type { HonorStore } from './ctx';
import { newId } from '../../kernel/ids';
import type { HonorNominationDoc } from './collections';
import type { StaffDoc } from '../../kernel/member';

interface SeedNomination {
  nominee: string;
  nominator: string;
  kind: HonorKind;
  category: string;
  deeds: string;
  seconders: string[];
}

const NOMINATIONS: SeedNomination[] = [
  {
    nominee: 'T0007',
    nominator: 'T0005',
    kind: 'peer',
    category: '职业道德',
    deeds:
      '黄丽同志负责国库集中支付审核工作多年，始终坚持“每一笔都要对得上”。今年预算执行高峰期，她连续加班核对上千笔支付凭证，' +
      '发现并纠正了多笔信息错误，避免了资金误拨；对来办事的基层单位同志总是耐心讲解，从不推诿。',
    seconders: ['T0006', 'T0008'],
  },
  {
    nominee: 'T0012',
    nominator: 'T0002',
    kind: 'org',
    category: '社会公德',
    deeds:
      '马琳同志是单位志愿服务队的骨干，三年来坚持每月到社区开展助老服务，累计服务时长一百二十多小时。' +
      '去年冬天她在路边发现一位摔倒的老人，第一时间拨打急救电话并陪同送医，直到家属赶到才离开。',
    seconders: [],
  },
  {
    nominee: 'T0015',
    nominator: 'T0015',
    kind: 'self',
    category: '家庭美德',
    deeds:
      '我的父亲长期卧病在床，十年来我和爱人一起照顾老人的饮食起居，每天下班后为父亲擦身、按摩、读报。' +
      '我们也注重家风传承，带着孩子参加社区敬老活动，希望把孝老爱亲的好传统一代代传下去。',
    seconders: [],
  },
];

/** One round collecting nominations (DESIGN.md §7), with a few already in, deadlines ahead of now. */
export async function seedHonor(store: HonorStore, now: Date, roster: readonly StaffDoc[]): Promise<void> {
  const tz = DEFAULT_SETTINGS.timeZone;
  const today = localDayKey(now, tz);
  const byNo = new Map(roster.map((s) => [s.staffNo, s]));
  const at = now.toISOString();
  const roundId = newId();
  const admin = byNo.get('T0001');
  if (!admin) return;
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  await store.collection('honorRounds').insert({
    _id: roundId,
    title: `${today.slice(0, 4)}年第${quarter}季度“身边好人”评选`,
    categories: [...DEFAULT_CATEGORIES],
    ballotSize: DEFAULT_BALLOT_SIZE,
    publicityDays: DEFAULT_PUBLICITY_DAYS,
    nominateUntil: localInstant(addDays(today, 7), '18:00', tz).toISOString(),
    voteUntil: localInstant(addDays(today, 14), '18:00', tz).toISOString(),
    phase: 'nominating',
    nominationCount: NOMINATIONS.length,
    candidateCount: 0,
    createdAt: at,
    createdBy: admin._id,
    updatedAt: at,
  });
  for (const n of NOMINATIONS) {
    const nominee = byNo.get(n.nominee);
    const nominator = byNo.get(n.nominator);
    if (!nominee || !nominator) continue;
    const doc: HonorNominationDoc = {
      _id: newId(),
      roundId,
      nomineeStaffId: nominee._id,
      nomineeName: nominee.name,
      nomineeStaffNo: nominee.staffNo,
      nomineeDepartment: nominee.department,
      nominatorStaffId: nominator._id,
      nominatorName: nominator.name,
      nominatorDepartment: nominator.department,
      kind: n.kind,
      category: n.category,
      deeds: n.deeds,
      photos: [],
      status: 'pending',
      seconderCount: n.seconders.length,
      createdAt: at,
      updatedAt: at,
    };
    await store.collection('honorNominations').insert(doc);
    for (const no of n.seconders) {
      const seconder = byNo.get(no);
      if (!seconder) continue;
      await store
        .collection('honorSeconds')
        .insert({ _id: newId(), roundId, nominationId: doc._id, staffId: seconder._id, createdAt: at });
    }
  }
}
