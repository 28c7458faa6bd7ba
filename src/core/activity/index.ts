/** Activities (活动报名): the contract of its actions, the views it answers with, and the pure rules of phases, items and teams. */
export * from './contract';
export * from './views';
export * from './rules';
