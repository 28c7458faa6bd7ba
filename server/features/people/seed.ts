import type { Role } from '../../../src/core/roles';
import type { FeatureSeed } from '../../kernel/feature';
import { newId } from '../../kernel/ids';
import type { PeopleCollections } from './collections';
import { moveHeadcount } from './headcount';
import { markBranchesCounted } from './branches';
import type { StaffDoc } from '../../kernel/member';

/** The demo unit of DESIGN.md §7: a contract that tests and the demo login rely on. */
export const DEMO_DEPARTMENTS = ['办公室', '预算科', '国库科', '综合科'] as const;
export const DEMO_STAFF_COUNT = 40;
export const DEMO_BOUND_COUNT = 30;

const NAMES = [
  '李明',
  '王芳',
  '赵强',
  '刘洋',
  '陈静',
  '杨磊',
  '黄丽',
  '周伟',
  '吴敏',
  '徐军',
  '孙涛',
  '马琳',
  '朱浩',
  '胡婷',
  '郭鹏',
  '何雪',
  '高峰',
  '林娜',
  '罗斌',
  '郑霞',
  '梁宇',
  '谢颖',
  '宋凯',
  '唐璐',
  '韩冰',
  '冯超',
  '邓佳',
  '曹阳',
  '彭丹',
  '曾辉',
  '萧然',
  '田甜',
  '董帅',
  '袁媛',
  '潘越',
  '于洁',
  '蒋睿',
  '蔡琴',
  '余航',
  '杜鹃',
];

/** 性别 of each name above (男 M / 女 F), so that gender-restricted activity items work in the demo. */
const GENDERS = 'MFMMFMFMFMMFMFMFMFMFMFMFFMFMFMMFMFMFMFMF';

const ROLES: Record<string, Role[]> = {
  T0001: ['staff', 'admin'],
  T0002: ['staff', 'secretary'],
  T0003: ['staff', 'organizer'],
  // The secretaries of 机关第一党支部 and 机关第二党支部: each leads their own branch's reading.
  T0029: ['staff', 'secretary'],
  T0030: ['staff', 'secretary'],
};

/** The demo unit's party branches (机关党委 has two); every member but the unit's secretary is in one. */
export const DEMO_BRANCHES = ['机关第一党支部', '机关第二党支部'];
/** 王芳 leads the study for the whole unit (机关党委), as the secretary before branches did. */
const UNIT_WIDE = new Set(['T0002']);

export function demoStaffNo(n: number): string {
  return `T${String(n).padStart(4, '0')}`;
}

export function demoRoster(at: string): StaffDoc[] {
  return NAMES.slice(0, DEMO_STAFF_COUNT).map((name, i) => {
    const staffNo = demoStaffNo(i + 1);
    const bound = i < DEMO_BOUND_COUNT;
    return {
      _id: newId(),
      staffNo,
      name,
      department: DEMO_DEPARTMENTS[i % DEMO_DEPARTMENTS.length],
      ...(UNIT_WIDE.has(staffNo) ? {} : { branch: DEMO_BRANCHES[i % DEMO_BRANCHES.length] }),
      gender: GENDERS[i] === 'F' ? 'female' : 'male',
      roles: ROLES[staffNo] ?? ['staff'],
      active: true,
      openid: bound ? `demo-${staffNo}` : null,
      boundAt: bound ? at : null,
      createdAt: at,
      updatedAt: at,
    };
  });
}

/** The demo roster (DESIGN.md §7): the first seed of the demo unit, so every later seed finds it. */
export const seedRoster: FeatureSeed<PeopleCollections> = async (store, now) => {
  for (const doc of demoRoster(now.toISOString())) {
    await store.collection('staff').insert(doc);
    await moveHeadcount(store, null, doc);
  }
  await markBranchesCounted(store);
};
