import type { DemoReading } from './seed-texts';

/**
 * Each demo branch's own readings (支部书记领学), for the first workdays of the week after next:
 * published ahead, so the secretaries find them in 晨读管理.
 */
export const DEMO_BRANCH_READINGS: Readonly<Record<string, readonly DemoReading[]>> = {
  机关第一党支部: [
    {
      title: '支部领学：把“三会一课”开在岗位上',
      source: '机关第一党支部（演示）',
      body: [
        '“三会一课”不是会议室里的形式，而是把学习和工作连起来的办法。本周支部的学习，请大家各带一个本岗位遇到的实际问题来。',
        '讨论时先说问题，再说打算，最后说需要支部帮什么忙。能当场解决的当场解决，不能解决的由支部记下来，下周回复。',
      ].join('\n'),
    },
    {
      title: '支部领学：党员先锋岗怎么当',
      source: '机关第一党支部（演示）',
      body: [
        '先锋岗不是一块牌子，而是办事群众看得见的服务：材料一次讲清，问题一次答复，能网上办的不让人多跑。',
        '请每位党员想一想，自己窗口或科室最常被问到的三个问题，能不能写成一张明白纸。',
      ].join('\n'),
    },
  ],
  机关第二党支部: [
    {
      title: '支部领学：调查研究从身边做起',
      source: '机关第二党支部（演示）',
      body: [
        '调查研究不一定要走很远。把近一个月基层单位来电来访反映最多的问题理一理，就是一份有用的调研提纲。',
        '本周请大家每人记下一个来自基层的问题，写清是谁反映、卡在哪里、自己的建议是什么。',
      ].join('\n'),
    },
    {
      title: '支部领学：用好批评与自我批评',
      source: '机关第二党支部（演示）',
      body: [
        '批评与自我批评是我们的传家宝。开展批评要对事不对人，出于公心；自我批评要找准问题，不绕弯子。',
        '组织生活会前，请每位党员先对照岗位职责，查摆一条自己的不足和一条改进的办法。',
      ].join('\n'),
    },
  ],
};
