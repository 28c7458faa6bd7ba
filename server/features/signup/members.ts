import type { SignupStore } from './ctx';
import { liveEntry } from './read';

export interface SetMembersRequest {
  slotId: string;
  holderId: string;
  /** Staff ids told about this entry from now on (e.g. a team after someone left or joined). */
  members: string[];
}

/**
 * Replaces who hears about a holder's live entry: a team's members change while it holds its seat
 * or waits, and a later promotion notice must reach the team as it is then. Seats, status and place
 * are untouched. Resolves to false when the holder has no live entry.
 */
export async function setMembers(store: SignupStore, req: SetMembersRequest): Promise<boolean> {
  const entry = await liveEntry(store, req.slotId, req.holderId);
  if (!entry) return false;
  const members = [...new Set(req.members)];
  return (
    (await store.collection('signupEntries').update({ _id: entry._id, live: entry.live }, { set: { members } })) === 1
  );
}
