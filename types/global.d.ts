// Build-time constants and asset modules that webpack (Taro) resolves for the client.

/** WeChat cloud environment id from `TONGXIN_CLOUD_ENV` at build time (config/index.ts). */
declare const CLOUD_ENV: string;

declare module '*.scss';
declare module '*.css';
declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.svg' {
  const src: string;
  export default src;
}
