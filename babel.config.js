// babel-preset-taro builds the app; under jest (NODE_ENV=test) it also transpiles the tests,
// with `ts` on so that TypeScript is stripped everywhere.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        ...(process.env.NODE_ENV === 'test' ? { targets: { node: 'current' } } : {}),
      },
    ],
  ],
};
