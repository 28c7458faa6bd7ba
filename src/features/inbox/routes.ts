export const INBOX_ROUTE = '/subpackages/inbox/index/index';
