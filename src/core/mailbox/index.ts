/** 投诉建议 / 局长信箱: the contract of the mailbox actions, its views and rules. */
export * from './contract';
export * from './rules';
