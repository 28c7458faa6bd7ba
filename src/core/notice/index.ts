/** Subscribe messages (订阅消息): templates, consent credits and the send log's contract. */
export * from './contract';
export * from './rules';
export * from './settings';
