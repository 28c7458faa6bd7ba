export default definePageConfig({ navigationBarTitleText: '晨读管理' });
