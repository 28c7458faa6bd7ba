import type { Ctx as KernelCtx } from '../../kernel/context';
import type { Store } from '../../store/port';
import type { SettingsCollections } from './collections';

/** What the settings feature touches: the settings document and the workday calendar. */
export type SettingsWorld = SettingsCollections;
export type SettingsStore = Store<SettingsWorld>;
export type Ctx = KernelCtx<SettingsWorld>;
