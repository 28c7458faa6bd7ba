/**
 * The one list of features. The router's handler map, the store's collection specs and types, and
 * the demo unit's seed are all composed from it: a new feature is a folder and a line here. The
 * order is the seed's order (the roster first, the settings next: later seeds read both).
 */
import type { ActionName } from '../../src/core/contract';
import type { Handler } from '../kernel/context';
import {
  collectionSpecs,
  type CollectionsOf,
  handlerMap,
  featureJobs,
  recountFeatures,
  type RecountScope,
  seedFeatures,
} from '../kernel/feature';
import { runEachJob } from '../kernel/jobs';
import type { ReadCache } from '../kernel/cache';
import type { SubscribeSender } from '../kernel/wechat';
import { localDayKey, localMinuteOfDay } from '../../src/core/time';
import { type CollectionSpec, isDuplicate, type Store } from '../store/port';
import { activity } from './activity';
import { audit } from './audit';
import { honor } from './honor';
import { inbox } from './inbox';
import { people } from './people';
import { reading } from './reading';
import { settings } from './settings';
import { signup } from './signup';
import { volunteer } from './volunteer';
import { mailbox } from './mailbox';
import { report } from './report';
import { dashboard } from './dashboard';
import { deliverNotices, notice, push } from './notice';
import { loadSettings } from './settings';

export const FEATURES = [
  people,
  settings,
  audit,
  inbox,
  reading,
  honor,
  signup,
  volunteer,
  activity,
  mailbox,
  report,
  dashboard,
  notice,
] as const;

/** Every collection of the store, by name, with the document it holds. */
export type Collections = CollectionsOf<typeof FEATURES>;
export type CollectionName = keyof Collections;
export type AppStore = Store<Collections>;

export const COLLECTION_SPECS: Record<CollectionName, CollectionSpec> = collectionSpecs(FEATURES);

/**
 * What each cached read (kernel/cache.ts: the settings, the day's reading, the calendar) is read
 * from: a committed write to one of these collections forgets the keys that start so. A server that
 * sees every write (the local one) may then cache as the cloud's containers do and still answer
 * nothing older than its own last write.
 */
const CACHED_FROM: Partial<Record<CollectionName, readonly string[]>> = {
  settings: ['settings'],
  calendar: ['calendar:'],
  calendarRevisions: ['calendar:revision'],
  readings: ['reading:'],
  branchReadings: ['reading:'],
};

export function forgetCachedFrom(cache: ReadCache, collection: string): void {
  for (const prefix of CACHED_FROM[collection as CollectionName] ?? []) cache.forget(prefix);
}

/** Actions only the local server has (the dev feature); the cloud function never registers them. */
export type LocalAction = 'dev.login' | 'dev.identities' | 'dev.clock.set' | 'dev.clock.reset';
export type CloudAction = Exclude<ActionName, LocalAction>;
export type HandlerMap = { [A in ActionName]: Handler<A, Collections> };

/** Every action of the cloud function, typed as the whole map: an action without a handler does not compile. */
export const handlers: Pick<HandlerMap, CloudAction> = handlerMap(FEATURES);

/** Seeds the demo unit (DESIGN.md §7) when the store holds no roster yet; resolves to whether it seeded. */
export async function seedDemoIfEmpty(store: AppStore, now: Date): Promise<boolean> {
  if ((await store.collection('staff').count({})) > 0) return false;
  await seedFeatures(FEATURES, store, now);
  return true;
}

/** Proves every feature's counters against its records and repairs what differs (see FeatureRecount). */
export function recountAll(store: AppStore, scope: RecountScope): Promise<string[]> {
  return recountFeatures(FEATURES, store, scope);
}

/** The nightly recount runs in the first trigger after 03:00 local, when no window is open. */
const RECOUNT_FROM_MINUTE = 3 * 60;
const RECOUNT_UNTIL_MINUTE = 5 * 60;

export interface JobOptions {
  now: Date;
  sender: SubscribeSender;
  log?: (line: string) => void;
}

/**
 * One run of the scheduled jobs (kernel/jobs.ts): every feature's reminders and deadlines, then, once
 * a night, the recount of what can still change. Resolves to what was done, one line each.
 */
export async function runJobs(store: AppStore, options: JobOptions): Promise<string[]> {
  const { now, sender } = options;
  const log = options.log ?? ((line: string) => console.warn(line));
  const settings = await loadSettings(store);
  const deps = { store, sender, settings, now, log };
  const lines = await runEachJob(featureJobs<Collections>(FEATURES), {
    store,
    now,
    settings,
    push: (request) => push(deps, request),
    deliver: (notices) => deliverNotices(deps, notices),
    log,
  });
  const minute = localMinuteOfDay(now, settings.timeZone);
  const mark = `recount:${localDayKey(now, settings.timeZone)}`;
  if (
    minute >= RECOUNT_FROM_MINUTE &&
    minute < RECOUNT_UNTIL_MINUTE &&
    !(await store.collection('jobMarks').get(mark))
  ) {
    for (const line of await recountAll(store, { now, all: false })) lines.push(`recount: ${line}`);
    // Marked after it ran: a recount that failed half-way is simply run again by the next trigger.
    try {
      await store.collection('jobMarks').insert({ _id: mark, at: now.toISOString() });
    } catch (error) {
      if (!isDuplicate(error)) throw error;
    }
    lines.push('recount: done');
  }
  return lines;
}
