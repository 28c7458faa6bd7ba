import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const isH5 = process.env.TARO_ENV === 'h5';

// Each platform gets its own output folder: both builds wipe their outputRoot (PLATFORM-NOTES.md).
const outputRoot = isH5 ? 'dist/h5' : `dist/${process.env.TARO_ENV || 'weapp'}`;

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'tongxin',
    date: '2026-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    defineConstants: {
      // The WeChat cloud environment id; empty means the DevTools' default environment.
      CLOUD_ENV: JSON.stringify(process.env.TONGXIN_CLOUD_ENV || ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    sass: {},
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
      },
      webpackChain(chain) {
        // A mini-program package is downloaded whole, so ids need no stability across builds: the
        // shortest ones keep the main package small (and its size independent of file paths).
        chain.optimization.set('moduleIds', 'size');
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      webpackChain(chain) {
        // Taro splits initial chunks only, so every lazily loaded page carried its own copy of the
        // Taro components and zod; sharing what pages have in common shrinks the H5 download.
        const splitChunks: Record<string, unknown> = chain.optimization.get('splitChunks');
        chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        // The root font size follows the viewport, so a 750-wide design would swell on a desktop:
        // capping it keeps desktop text at phone-like sizes; wide layouts use PX (untransformed).
        pxtransform: { enable: true, config: { baseFontSize: 20, minRootSize: 16, maxRootSize: 24 } },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
