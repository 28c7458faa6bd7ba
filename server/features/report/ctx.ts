import type { Ctx as KernelCtx } from '../../kernel/context';
import type { ActivityCollections } from '../activity';
import type { HonorCollections } from '../honor';
import type { InboxCollections } from '../inbox';
import type { MailboxCollections } from '../mailbox';
import type { PeopleCollections } from '../people';
import type { ReadingCollections } from '../reading';
import type { SettingsCollections } from '../settings';
import type { SignupCollections } from '../signup';
import type { VolunteerCollections } from '../volunteer';

/**
 * Exports read every feature's records and counters and write nothing. The inbox is in the world only
 * because the honor feature's tally reader is typed over its whole world.
 */
export type ReportWorld = ReadingCollections &
  VolunteerCollections &
  HonorCollections &
  ActivityCollections &
  SignupCollections &
  PeopleCollections &
  SettingsCollections &
  MailboxCollections &
  InboxCollections;
export type Ctx = KernelCtx<ReportWorld>;
