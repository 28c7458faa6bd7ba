import * as z from 'zod/mini';
import type { Role } from '../roles';
import { def } from '../contract/define';
import { empty } from '../contract/fields';

export const devLoginInput = z.strictObject({
  openid: z
    .string({ message: 'openid 应为文字' })
    .check(
      z.minLength(1, { message: '请填写 openid' }),
      z.maxLength(64, { message: 'openid 最多 64 个字符' }),
      z.regex(/^[A-Za-z0-9_-]+$/, { message: 'openid 只能包含字母、数字、下划线和短横线' }),
    ),
});

export const devClockSetInput = z.strictObject({
  now: z.string({ message: '时间应为 ISO 8601 文字' }).check(
    z.maxLength(40),
    z.refine((s) => !Number.isNaN(Date.parse(s)), {
      message: '时间格式应为 ISO 8601，例如 2026-03-02T07:30:00+08:00',
    }),
    // Every rule formats dates: an instant past year 9999 (or before 1970) breaks them all later.
    z.refine((s) => Date.parse(s) >= Date.UTC(2000, 0, 1) && Date.parse(s) < Date.UTC(2100, 0, 1), {
      message: '只能设置 2000 年至 2099 年之间的时间',
    }),
  ),
  /** Frozen: time stands still until set again. Otherwise it flows from `now`. */
  freeze: z.optional(z.boolean()),
});

export const devClockResetInput = empty;
export const devIdentitiesInput = empty;

export interface DemoIdentity {
  openid: string;
  staffNo: string;
  name: string;
  department: string;
  roles: Role[];
  bound: boolean;
}

/** Local-server-only actions: demo login always, the clock only with `--dev`. */
export const devActions = {
  'dev.login': def(devLoginInput, 'public', [], false, 'demo'),
  'dev.identities': def(devIdentitiesInput, 'public', [], false, 'demo'),
  'dev.clock.set': def(devClockSetInput, 'public', [], false, 'dev'),
  'dev.clock.reset': def(devClockResetInput, 'public', [], false, 'dev'),
} as const;

export interface DevOutputs {
  'dev.login': { token: string };
  'dev.identities': { items: DemoIdentity[] };
  'dev.clock.set': { now: string; frozen: boolean };
  'dev.clock.reset': { now: string };
}
