/** Inbox (消息): the contract of `inbox.list` and `inbox.read` and the notice view. */
export * from './contract';
