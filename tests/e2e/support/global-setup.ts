import { ensureChromium, ensureH5Build } from './prepare';

/** Jest's global setup of the e2e project: the browser and the H5 build, once for all test files. */
export default function globalSetup(): void {
  ensureChromium();
  ensureH5Build();
}
