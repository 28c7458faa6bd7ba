export default definePageConfig({ navigationBarTitleText: '文体活动' });
