import type { ActionName } from '../../src/core/contract';
import type { CollectionSpec, DocMap, Store } from '../store/port';
import type { Handler } from './context';
import type { FeatureJob } from './jobs';
import type { StaffDoc } from './member';

/** How a feature declares its collections: a spec per collection, typed by the document it holds. */
export type CollectionSpecs<C> = { [K in keyof C]: CollectionSpec & { readonly doc?: C[K] } };

/**
 * What a feature seeds into the demo unit, in the order of the features list: the people feature
 * writes the roster first, and every later seed is handed that roster, sorted by 工号.
 */
export type FeatureSeed<C extends DocMap<C>> = (
  store: Store<C>,
  now: Date,
  roster: readonly StaffDoc[],
) => Promise<void>;

/**
 * Proves a feature's derived counters against its records and repairs what differs: over all history
 * (`all`, the `npm run recount` tool), or over what can still change (the nightly job on the cloud).
 * Resolves to what it changed, one line each, for the console or the log.
 */
export type FeatureRecount<C extends DocMap<C>> = (store: Store<C>, scope: RecountScope) => Promise<string[]>;
export interface RecountScope {
  now: Date;
  all: boolean;
}

/**
 * A feature as the house knows it: the collections it owns, the handlers of its actions, its share
 * of the demo unit and the recount of its counters. The features list (`server/features/index.ts`)
 * composes the router's handler map, the store's specs and types, the demo seed and the recount
 * from these values.
 */
export interface Feature<Name extends string, Own, Handlers> {
  name: Name;
  collections: CollectionSpecs<Own>;
  handlers: Handlers;
  seed?: (store: never, now: Date, roster: readonly StaffDoc[]) => Promise<void>;
  recount?: FeatureRecount<never>;
  /** What the timer runs for this feature (reminders, deadlines): see kernel/jobs.ts. */
  jobs?: readonly FeatureJob<never>[];
}

type AnyHandlers = { [A in ActionName]?: Handler<A, never> };

export function defineFeature<Name extends string, Own extends DocMap<Own>, H extends AnyHandlers>(feature: {
  name: Name;
  collections: CollectionSpecs<Own>;
  handlers: H;
  seed?: FeatureSeed<never>;
  recount?: FeatureRecount<never>;
  jobs?: readonly FeatureJob<never>[];
}): Feature<Name, Own, H> {
  return feature;
}

type AnyFeature = Feature<string, unknown, object>;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Every collection of a list of features, as one document map. */
export type CollectionsOf<F extends readonly AnyFeature[]> = UnionToIntersection<OwnOf<F[number]>>;
type OwnOf<X> = X extends Feature<string, infer C, object> ? C : never;

/** Every handler of a list of features, as one map. */
export type HandlersOf<F extends readonly AnyFeature[]> = UnionToIntersection<HandlersOfOne<F[number]>>;
type HandlersOfOne<X> = X extends Feature<string, unknown, infer H> ? H : never;

/** The store's specs of every collection; a collection owned twice is a mistake caught at start-up. */
export function collectionSpecs<F extends readonly AnyFeature[]>(
  features: F,
): { [K in keyof CollectionsOf<F>]: CollectionSpec } {
  const specs: Record<string, CollectionSpec> = {};
  for (const feature of features) {
    for (const [name, spec] of Object.entries(feature.collections as Record<string, CollectionSpec>)) {
      if (name in specs) throw new Error(`collection ${name} is declared by two features`);
      specs[name] = spec;
    }
  }
  return specs as { [K in keyof CollectionsOf<F>]: CollectionSpec };
}

/** One handler map; an action handled by two features is a mistake caught at start-up. */
export function handlerMap<F extends readonly AnyFeature[]>(features: F): HandlersOf<F> {
  const map: Record<string, unknown> = {};
  for (const feature of features) {
    for (const [action, handler] of Object.entries(feature.handlers)) {
      if (action in map) throw new Error(`action ${action} is handled by two features`);
      map[action] = handler;
    }
  }
  return map as HandlersOf<F>;
}

/** Runs each feature's demo seed in list order, handing each the roster as it then stands. */
export async function seedFeatures<C extends DocMap<C> & { staff: StaffDoc }>(
  features: readonly AnyFeature[],
  store: Store<C>,
  now: Date,
): Promise<void> {
  for (const feature of features) {
    if (!feature.seed) continue;
    const roster = await store.collection('staff').find({}, { sort: { staffNo: 1 }, limit: 1000 });
    await (feature.seed as FeatureSeed<C>)(store, now, roster);
  }
}

/** Runs every feature's recount over the store; resolves to what changed, each line under its feature. */
export async function recountFeatures<C extends DocMap<C>>(
  features: readonly AnyFeature[],
  store: Store<C>,
  scope: RecountScope,
): Promise<string[]> {
  const lines: string[] = [];
  for (const feature of features) {
    const recount = feature.recount as FeatureRecount<C> | undefined;
    if (recount) for (const line of await recount(store, scope)) lines.push(`${feature.name}: ${line}`);
  }
  return lines;
}

/** Every feature's jobs, in list order, typed for the one store of every collection. */
export function featureJobs<C extends DocMap<C>>(features: readonly AnyFeature[]): FeatureJob<C>[] {
  return features.flatMap((feature) => (feature.jobs ?? []) as readonly FeatureJob<C>[]);
}
