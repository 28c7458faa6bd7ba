/** The build's platform, replaced at build time; under jest (no TARO_ENV) the code takes the H5 path. */
export const isWeapp = process.env.TARO_ENV === 'weapp';
