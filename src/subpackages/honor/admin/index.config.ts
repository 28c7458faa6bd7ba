export default definePageConfig({ navigationBarTitleText: '好人榜评选管理' });
