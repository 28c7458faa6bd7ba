import type { Store } from '../../store/port';
import type { InboxCollections } from '../inbox';
import type { SignupCollections } from './collections';

/** What the sign-up engine touches: slots, entries, and the inbox for promotion notices. */
export type SignupWorld = SignupCollections & InboxCollections;
export type SignupStore = Store<SignupWorld>;
