import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { type E2E, startE2E } from '../support/browser';
import { Journey } from '../support/journey';
import { tapUntil } from '../support/ui';

// The office's desk at 1280 px, by pressing the buttons: the dashboard's two charts are drawn, a
// roster file with good and bad rows is previewed (row errors with line numbers), imported under a
// progress bar, and a 创建台账 is downloaded as a file that exceljs opens.
jest.setTimeout(240_000);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

/** A roster workbook: two new members, one update of T0005, a row without 姓名 and a repeated 工号. */
async function rosterFile(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名册');
  sheet.addRow(['工号', '姓名', '部门', '支部', '手机', '性别', '角色']);
  sheet.addRow(['T0101', '周新', '预算科', '', '', '男', '']);
  sheet.addRow(['T0102', '吴悦', '国库科', '', '', '女', '']);
  sheet.addRow(['T0005', '', '综合科', '', '', '', '']);
  sheet.addRow(['T0101', '周新', '预算科', '', '', '男', '']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Counts the canvas pixels that are not blank: a drawn chart has bars, an empty canvas none. */
async function inkedCanvases(j: Journey): Promise<number[]> {
  return j.here.locator('canvas').evaluateAll((canvases) =>
    (canvases as HTMLCanvasElement[]).map((c) => {
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      let inked = 0;
      if (data) for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked += 1;
      return inked;
    }),
  );
}

it('an admin reads the dashboard, imports a roster file and downloads the ledger', async () => {
  const store = e2e.server.store;
  const before = await store.collection('staff').count({});
  const admin = await e2e.login('demo-T0001');
  const page = await e2e.open(1280, { token: admin, path: '/#/subpackages/admin/index/index' });
  const j = new Journey(page, 'office-desk');

  // The dashboard: figures, two charts with ink on them, and each chart's table beneath.
  await j.here.getByText('工作概览').waitFor();
  await j.here.getByText('晨读参与率（按部门）').waitFor();
  await j.here.locator('canvas').nth(1).waitFor();
  let ink: number[] = [];
  for (let waited = 0; waited < 5000 && !(ink.length === 2 && ink.every((n) => n > 500)); waited += 200) {
    await page.waitForTimeout(200);
    ink = await inkedCanvases(j);
  }
  expect(ink).toHaveLength(2);
  for (const n of ink) expect(n).toBeGreaterThan(500);
  await j.here.getByRole('table', { name: '各部门晨读参与率' }).getByText('办公室').waitFor();
  await j.step('仪表盘');

  // 导入名册: choose the file, see the preview with its row errors, import, watch the progress.
  await tapUntil(
    () => j.here.getByText('导入名册', { exact: true }),
    () => j.here.getByText('从文件导入'),
  );
  await j.here.locator('input[type=file]').setInputFiles({
    name: '名册.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await rosterFile(),
  });
  await j.here.getByText('有问题的行（2）').waitFor();
  const problems = await j.here.locator('.import__problems, .itable').last().innerText();
  expect(problems).toMatch(/4[\s\S]*姓名/);
  expect(problems).toMatch(/5[\s\S]*工号/);
  await j.step('预览');
  await j.press(j.button('导入 2 行'), '导入');
  await j.here.getByText('已导入 2 / 2').waitFor();
  await j.button('导入完成').waitFor();
  // One click, one import: the button stays off (Taro's H5 button keeps a `disabled` attribute).
  expect(await j.button('导入完成').getAttribute('disabled')).not.toBeNull();
  await j.step('导入完成');
  expect(await store.collection('staff').count({})).toBe(before + 2);
  const [added] = await store.collection('staff').find({ staffNo: 'T0102' }, { limit: 1 });
  expect(added).toMatchObject({ name: '吴悦', department: '国库科', active: true });

  // 导出台账: the ledger of this year, downloaded and opened with exceljs.
  await page.goto(`${e2e.server.url}/#/subpackages/admin/reports/index`);
  await j.here.getByText('报表类型').waitFor();
  await j.here.locator('select').first().selectOption({ label: '创建台账' });
  const [download] = await Promise.all([page.waitForEvent('download'), j.press(j.button('导出'), '导出')]);
  expect(download.suggestedFilename()).toMatch(/^创建台账_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const path = await download.path();
  const book = new ExcelJS.Workbook();
  const bytes = readFileSync(path);
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const names = book.worksheets.map((s) => s.name);
  expect(names[0]).toMatch(/封面/);
  for (const section of ['学习', '志愿服务', '好人榜', '文体活动', '投诉建议']) {
    expect(names.some((n) => n.includes(section))).toBe(true);
  }
  await j.step('台账已下载');
});
