// Jest stand-in for `@tarojs/taro` (PLATFORM-NOTES.md): the real H5 APIs of @tarojs/taro-h5 plus the
// React hooks that the framework plugin would add at build time. The hooks need React registered first.
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as h5 from '@tarojs/taro-h5';
import {
  createH5NativeComponentConfig,
  useDidHide,
  useDidShow,
  useLaunch,
  useLoad,
  usePageScroll,
  usePullDownRefresh,
  useReachBottom,
  useReady,
  useRouter,
  useUnload,
} from '@tarojs/plugin-framework-react/dist/runtime';

createH5NativeComponentConfig(null, React, ReactDOM);

const hooks = {
  useDidHide,
  useDidShow,
  useLaunch,
  useLoad,
  usePageScroll,
  usePullDownRefresh,
  useReachBottom,
  useReady,
  useRouter,
  useUnload,
};

// taro-h5's default export is a bare core; the build merges every named API into it, and so does
// this. One object for app code and tests alike, so that `jest.spyOn(Taro, 'reLaunch')` sees every call.
const { default: core, ...apis } = h5;
const Taro = Object.assign(core, apis, hooks);

export default Taro;
export * from '@tarojs/taro-h5';
export {
  useDidHide,
  useDidShow,
  useLaunch,
  useLoad,
  usePageScroll,
  usePullDownRefresh,
  useReachBottom,
  useReady,
  useRouter,
  useUnload,
};
