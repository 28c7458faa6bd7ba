/** Volunteer service (志愿服务): the contract, the views, and the pure rules of phases and hours. */
export * from './contract';
export * from './views';
export * from './rules';
export * from './scene';
export * from './stars';
