import type { Ctx as KernelCtx } from '../../kernel/context';
import type { ActivityCollections } from '../activity';
import type { HonorCollections } from '../honor';
import type { MailboxCollections } from '../mailbox';
import type { ReadingWorld } from '../reading';
import type { VolunteerWorld } from '../volunteer';

/** The dashboard reads every feature's counters and open records; it owns nothing. */
export type DashboardWorld = ReadingWorld &
  VolunteerWorld &
  HonorCollections &
  ActivityCollections &
  MailboxCollections;
export type Ctx = KernelCtx<DashboardWorld>;
