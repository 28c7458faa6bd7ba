export default definePageConfig({ navigationBarTitleText: '信箱管理' });
