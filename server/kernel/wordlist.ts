import { matchingForm } from '../../src/core/text';
import type { ContentCheck } from './context';

/**
 * The local server's stand-in for WeChat's `security.msgSecCheck`: a short word list. It guards the
 * demo and the tests; production relies on WeChat's own check.
 */
const DEFAULT_WORDS = ['赌博', '博彩', '色情', '毒品', '法轮', '枪支出售', '代开发票'];

export function wordListCheck(words: readonly string[] = DEFAULT_WORDS): ContentCheck {
  return {
    async check(text) {
      const normalized = matchingForm(text).replace(/\s+/g, '');
      const hit = words.find((w) => normalized.includes(w));
      return hit ? '内容含有不当信息，请修改后再提交' : null;
    },
  };
}
