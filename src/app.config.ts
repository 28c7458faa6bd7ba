const isH5 = process.env.TARO_ENV === 'h5';

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/reading/index',
    'pages/honor/index',
    'pages/activity/index',
    'pages/me/index',
    'pages/bind/index',
    'pages/login/index',
  ],
  // Administration stays out of the main package: most people never open it.
  subPackages: [
    {
      root: 'subpackages/admin',
      pages: [
        'index/index',
        'roster/index',
        'staff/index',
        'import/index',
        'bindcodes/index',
        'settings/index',
        'calendar/index',
        'reports/index',
        'audit/index',
        'notices/index',
        'branches/index',
      ],
    },
    {
      root: 'subpackages/reading',
      pages: ['manage/index', 'edit/index', 'participation/index', 'view/index'],
    },
    {
      root: 'subpackages/volunteer',
      pages: ['event/index', 'records/index', 'certificate/index', 'edit/index', 'manage/index', 'code/index'],
    },
    { root: 'subpackages/inbox', pages: ['index/index'] },
    { root: 'subpackages/mailbox', pages: ['index/index', 'write/index', 'admin/index', 'detail/index'] },
    { root: 'subpackages/activity', pages: ['detail/index', 'manage/index', 'edit/index', 'roster/index'] },
    { root: 'subpackages/honor', pages: ['nominate/index', 'vote/index', 'admin/index', 'manage/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#C8102E',
    navigationBarTitleText: '同心',
    navigationBarTextStyle: 'white',
    backgroundColor: '#F6F4F1',
    // The browser build shows Taro's own title bar (title, back, or home when opened directly); without
    // this a sub-page in a desktop browser has no title and no way back but the browser's own.
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#5C5C5C',
    selectedColor: '#C8102E',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/reading/index', text: '晨读' },
      { pagePath: 'pages/honor/index', text: '好人榜' },
      { pagePath: 'pages/activity/index', text: '活动' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // Browser pages would otherwise slide in for ~300 ms, which only slows down desktop use and tests.
  ...(isH5 ? { animation: false } : {}),
});
