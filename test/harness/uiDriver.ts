/**
 * The UI driver: an HTTP endpoint through which integration tests running in the extension host
 * read and drive the workbench page (the chat panel's DOM, screenshots, clicks, keys).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './workspace';

const CHAT_ITEM = '.interactive-item-container';
/** Notification toasts, and the notification center (tests open it: toasts may not pop up). */
const NOTIFICATION = '.notifications-toasts .notification-list-item, .notifications-center .notification-list-item';

function send(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function handleUiDriverRequest(page: Page, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://driver');
  const param = (name: string): string => url.searchParams.get(name) ?? '';
  switch (url.pathname) {
    case '/chat': {
      // One entry per request/response item in the chat panel, in order.
      const items = await page.$$eval(`${CHAT_ITEM}`, (els) => els.map((e) => (e as HTMLElement).innerText));
      return send(res, { items });
    }
    case '/chat-buttons': {
      const buttons = await page.$$eval(`${CHAT_ITEM} .monaco-button, ${CHAT_ITEM} a.monaco-button, ${CHAT_ITEM} button`, (els) =>
        els.map((e) => (e as HTMLElement).innerText.trim()).filter((t) => t.length > 0),
      );
      return send(res, { buttons });
    }
    case '/click-chat-button': {
      const text = param('text');
      const button = page.locator(`${CHAT_ITEM} :is(.monaco-button, a):visible`, { hasText: text }).last();
      // The chat list is virtualised with its own scrolling, so Playwright's scroll-into-view
      // cannot bring an item into the viewport; dispatch the click on the element instead.
      await button.dispatchEvent('click', undefined, { timeout: 10_000 });
      return send(res, { clicked: text });
    }
    case '/notifications': {
      const texts = await page.$$eval(NOTIFICATION, (els) => els.map((e) => (e as HTMLElement).innerText));
      return send(res, { texts });
    }
    case '/click-notification-button': {
      const text = param('text');
      await page
        .locator(NOTIFICATION, { hasText: param('containing') })
        .locator('.monaco-button', { hasText: text })
        .first()
        .click({ timeout: 10_000 });
      return send(res, { clicked: text });
    }
    case '/click-followup': {
      // Follow-up chips live in the chat input part, not in a response item (added for the findings tests, issue #17).
      const text = param('text');
      await page.locator('.interactive-session-followups :is(.monaco-button, a, .interactive-followup-reply)', { hasText: text }).first().dispatchEvent('click', undefined, { timeout: 10_000 });
      return send(res, { clicked: text });
    }
    case '/selector-text': {
      const texts = await page.$$eval(param('selector'), (els) => els.map((e) => (e as HTMLElement).innerText));
      return send(res, { texts });
    }
    case '/screenshot': {
      const file = path.join(ARTIFACTS_DIR, `${param('name').replace(/[^\w.-]/g, '_') || 'screenshot'}.png`);
      await page.screenshot({ path: file });
      return send(res, { file });
    }
    case '/click': {
      // A visible element by CSS selector (e.g. a quick input's title button), as a person clicks it.
      await page.locator(param('selector')).locator('visible=true').first().click({ timeout: 10_000 });
      return send(res, { clicked: param('selector') });
    }
    case '/press': {
      await page.keyboard.press(param('key'));
      return send(res, { pressed: param('key') });
    }
    case '/type': {
      await page.keyboard.type(param('text'));
      return send(res, { typed: true });
    }
    default:
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`unknown UI driver route ${url.pathname}`);
  }
}
