/** Morning reading (晨读打卡): the contract, the views, and the pure rules of the window, check-in days and streaks. */
export * from './contract';
export * from './views';
export * from './rules';
export * from './streak';
