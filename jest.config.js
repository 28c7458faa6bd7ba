// Four projects: pure and store units (node), components (jsdom with the real Taro H5 components),
// API tests over real HTTP (node), browser tests against the real H5 build (node + Chromium).
const transform = { '^.+\\.(t|j)sx?$': 'babel-jest', '^.+\\.mjs$': 'babel-jest' };

// ESM packages that babel must transform for jest (PLATFORM-NOTES.md).
const esm = [
  '@tarojs',
  '@stencil',
  'swiper',
  'dom7',
  'ssr-window',
  'classnames',
  'query-string',
  'decode-uri-component',
  'split-on-first',
  'filter-obj',
  'lodash-es',
  'nanoid',
  'tslib',
];
const transformIgnorePatterns = [`/node_modules/(?!(${esm.join('|')})/)`];
// Taro's H5 packages bundle their own pnpm-nested ESM dependencies (e.g. @tarojs/taro-h5/dist/
// node_modules/.pnpm/style-inject): everything below an ESM package is transformed, not only its top.
const componentIgnorePatterns = [`^(?!.*/node_modules/(${esm.join('|')})/).*/node_modules/`];
// src/core imports zod's one Chinese locale by its ES module file (the bundles need no other locale);
// jest loads CommonJS, and zod ships the same file as .cjs.
const zodLocale = { '^zod/v4/locales/zh-CN\\.js$': 'zod/v4/locales/zh-CN.cjs' };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper: zodLocale,
    },
    {
      displayName: 'component',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/unit/**/*.test.tsx'],
      transform,
      transformIgnorePatterns: componentIgnorePatterns,
      moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json'],
      moduleNameMapper: {
        ...zodLocale,
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/tests/support/taro-shim.ts',
        '\\.(css|scss|sass)$': '<rootDir>/tests/support/style-stub.js',
        '^@/(.*)$': '<rootDir>/src/$1',
      },
      globals: {
        ENABLE_INNER_HTML: true,
        ENABLE_ADJACENT_HTML: true,
        ENABLE_SIZE_APIS: true,
        ENABLE_TEMPLATE_CONTENT: true,
        ENABLE_CLONE_NODE: true,
        ENABLE_CONTAINS: true,
        ENABLE_MUTATION_OBSERVER: true,
        DEPRECATED_ADAPTER_COMPONENT: false,
      },
      setupFiles: ['<rootDir>/tests/support/component-setup.ts'],
    },
    {
      displayName: 'api',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      transform,
      transformIgnorePatterns,
      moduleNameMapper: zodLocale,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/support/global-setup.ts',
      transform,
      transformIgnorePatterns,
      moduleNameMapper: zodLocale,
    },
  ],
};
