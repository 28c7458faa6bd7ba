/**
 * The good-person list (好人榜): rounds move draft → nominating → reviewing → voting → publicity →
 * published (or cancelled), each move explicit and checked (src/core/honor/rules.ts). Nominations,
 * 附议 and review are in actions/nominations.ts; the secret ballot in actions/vote.ts (a voter marker
 * apart from per-candidate tallies, never audited or logged); publicity, objections and the board in
 * actions/publicity.ts; phase moves and the publicity's workdays in rounds.ts.
 */
import { defineFeature } from '../../kernel/feature';
import { honorVote } from './actions/vote';
import { honorNominate, honorNominations, honorReview, honorSecond } from './actions/nominations';
import { honorBoard, honorObject, honorResults } from './actions/publicity';
import { honorRoundUpdate } from './actions/round-update';
import { honorUnselect } from './actions/unselect';
import { honorRoundAdvance, honorRoundCreate, honorRoundGet, honorRoundList, honorSelect } from './actions/rounds';
import { HONOR_COLLECTIONS } from './collections';
import { honorDeadlines } from './jobs';
import { seedHonor } from './seed';

export const honor = defineFeature({
  name: 'honor',
  collections: HONOR_COLLECTIONS,
  handlers: {
    'honor.round.create': honorRoundCreate,
    'honor.round.advance': honorRoundAdvance,
    'honor.round.update': honorRoundUpdate,
    'honor.review': honorReview,
    'honor.select': honorSelect,
    'honor.unselect': honorUnselect,
    'honor.round.list': honorRoundList,
    'honor.round.get': honorRoundGet,
    'honor.nominate': honorNominate,
    'honor.second': honorSecond,
    'honor.nominations': honorNominations,
    'honor.vote': honorVote,
    'honor.object': honorObject,
    'honor.results': honorResults,
    'honor.board': honorBoard,
  },
  seed: seedHonor,
  jobs: [honorDeadlines],
});

export { admitUpload, UNIT_PHOTO_BYTES, UPLOADS_PER_HOUR } from './uploads';
/** Votes per nomination of a round (the sum of its tally shards), for exports; tallies are never read elsewhere. */
export { tallyMap } from './actions/vote';
export type { HonorCollections } from './collections';
