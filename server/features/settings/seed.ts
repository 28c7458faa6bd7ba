import { DEFAULT_SETTINGS } from '../../../src/core/settings/schema';
import type { FeatureSeed } from '../../kernel/feature';
import type { SettingsCollections } from './collections';

/** The demo unit's settings: the defaults under the demo unit's name. */
export const seedSettings: FeatureSeed<SettingsCollections> = async (store, now) => {
  if (await store.collection('settings').get('unit')) return;
  await store.collection('settings').insert({
    _id: 'unit',
    ...DEFAULT_SETTINGS,
    unitName: '同心示范单位',
    updatedAt: now.toISOString(),
  });
};
