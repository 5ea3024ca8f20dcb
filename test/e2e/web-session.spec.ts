/** The loopback web host's session in a real browser: two hosts side by side, and a page whose token is gone. */
import { test, expect } from './fixtures/host.js';
import { openDesk } from './fixtures/desk-page.js';

const SIGNED_OUT = '登录已失效，请重新打开启动时打印的地址';

test('两个工作台在同一台电脑上同时打开，互不挤掉登录', async ({ page, host, expertHost, context }) => {
  await openDesk(page, host, '#/settings');
  const other = await context.newPage();
  const expertDesk = other.getByRole('heading', { name: '产业知识产权中心认定工作台 · 专家评审' });
  await other.goto(`${expertHost.url}#/expert`); // the other desk is an expert's (专家模式: its own shell)
  await expect(expertDesk).toBeVisible();
  // Back on the first host, after the second set its cookie for the same 127.0.0.1:
  await page.evaluate(() => (window.location.hash = '#/batches'));
  await expect(page.getByRole('button', { name: '新建批次' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByText(SIGNED_OUT)).toHaveCount(0);
  await other.reload();
  await expect(expertDesk).toBeVisible();
  await expect(other.getByText(SIGNED_OUT)).toHaveCount(0);
});

test('访问口令失效后只显示一条整页提示，不显示空列表', async ({ page, host, context }) => {
  await openDesk(page, host, '#/centers');
  await expect(page.getByRole('main')).toContainText('还没有认定的中心');
  await context.clearCookies(); // the token is gone (as after the host restarted with a new one)

  await page.evaluate(() => (window.location.hash = '#/batches'));
  await expect(page.getByRole('alert').filter({ hasText: SIGNED_OUT })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
  await expect(page.getByText(/还没有/)).toHaveCount(0);
  await page.evaluate(() => (window.location.hash = '#/centers'));
  await expect(page.getByText(SIGNED_OUT)).toBeVisible();
  await expect(page.getByText('还没有认定的中心')).toHaveCount(0);

  // Reloading without the token: the host's own page says the same, in Chinese.
  await page.reload();
  await expect(page.getByRole('alert')).toContainText(SIGNED_OUT);
  await expect(page.getByText('还没有认定的中心')).toHaveCount(0);
});
