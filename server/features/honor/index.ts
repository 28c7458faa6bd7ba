import type { HandlerMap } from '../../kernel/context';
import { honorVote } from './actions/vote';
import { honorNominate, honorNominations, honorReview, honorSecond } from './actions/nominations';
import { honorBoard, honorObject, honorResults } from './actions/publicity';
import { honorRoundUpdate } from './actions/round-update';
import { honorUnselect } from './actions/unselect';
import { honorRoundAdvance, honorRoundCreate, honorRoundGet, honorRoundList, honorSelect } from './actions/rounds';

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
