import Taro from '@tarojs/taro';

// Only the H5 build has a token: on weapp the cloud function reads the caller's OPENID itself.
const TOKEN_KEY = 'tongxin.token';

export function getToken(): string | null {
  try {
    const value: unknown = Taro.getStorageSync(TOKEN_KEY);
    return typeof value === 'string' && value.length > 0 ? value : null;
  } catch {
    return null;
  }
}

export function setToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
}

export function clearToken(): void {
  try {
    Taro.removeStorageSync(TOKEN_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
