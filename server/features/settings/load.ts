import { DEFAULT_SETTINGS, type Settings, settingsSchema } from '../../../src/core/settings/schema';
import type { SettingsStore } from './ctx';

/** The stored settings over the defaults, so that a setting added later has a value at once. */
export async function loadSettings(store: SettingsStore): Promise<Settings> {
  const doc = await store.collection('settings').get('unit');
  if (!doc) return { ...DEFAULT_SETTINGS };
  const merged = { ...DEFAULT_SETTINGS, ...stripMeta(doc) };
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

function stripMeta(doc: object): Partial<Settings> {
  const copy: Record<string, unknown> = { ...doc };
  delete copy._id;
  delete copy.updatedAt;
  return copy as Partial<Settings>;
}
