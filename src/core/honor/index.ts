/** The good-person list (好人榜): the contract, the views, and the pure rules of phases, kinds and ballots. */
export * from './contract';
export * from './views';
export * from './rules';
