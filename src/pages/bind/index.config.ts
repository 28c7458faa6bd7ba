export default definePageConfig({ navigationBarTitleText: '绑定工号' });
