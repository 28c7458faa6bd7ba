// The React hooks of Taro's framework plugin, imported directly by the jest shim of @tarojs/taro
// (tests/support/taro-shim.ts). The package ships no types for this entry.
declare module '@tarojs/plugin-framework-react/dist/runtime' {
  import type * as React from 'react';
  import type * as ReactDOM from 'react-dom';
  import type Taro from '@tarojs/taro';

  export function createH5NativeComponentConfig(component: null, react: typeof React, reactDOM: typeof ReactDOM): null;
  export const useDidShow: typeof Taro.useDidShow;
  export const useDidHide: typeof Taro.useDidHide;
  export const useLoad: typeof Taro.useLoad;
  export const useReady: typeof Taro.useReady;
  export const useUnload: typeof Taro.useUnload;
  export const useRouter: typeof Taro.useRouter;
  export const useLaunch: typeof Taro.useLaunch;
  export const usePullDownRefresh: typeof Taro.usePullDownRefresh;
  export const useReachBottom: typeof Taro.useReachBottom;
  export const usePageScroll: typeof Taro.usePageScroll;
}
