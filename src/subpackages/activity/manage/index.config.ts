export default definePageConfig({ navigationBarTitleText: '管理文体活动' });
