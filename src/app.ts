import type { PropsWithChildren } from 'react';
import Taro from '@tarojs/taro';
import './app.scss';

// Taro.cloud exists only in the WeChat build; the H5 build talks HTTP to the local server instead.
if (process.env.TARO_ENV === 'weapp') {
  Taro.cloud.init({ env: CLOUD_ENV || undefined, traceUser: true });
}

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
