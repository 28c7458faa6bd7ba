import type { HandlerMap } from '../context';
import { honorVote } from './honor-ballot';
import { honorNominate, honorNominations, honorReview, honorSecond } from './honor-nominations';
import { honorBoard, honorObject, honorResults } from './honor-publicity';
import { honorRoundUpdate } from './honor-round-update';
import { honorUnselect } from './honor-unselect';
import { honorRoundAdvance, honorRoundCreate, honorRoundGet, honorRoundList, honorSelect } from './honor-rounds';

type HonorAction = Extract<keyof HandlerMap, `honor.${string}`>;

/** The good-person list (好人榜): rounds, nominations, the secret ballot, publicity and the board. */
export const honorHandlers: Pick<HandlerMap, HonorAction> = {
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
};
