// Phone realities the stylesheet takes care of (the same assets/reps.css the
// Android and iOS apps load): content kept inside the safe area when the page
// is drawn under a notch and a home indicator (viewport-fit=cover), and the
// tab bar stepping out of the on-screen keyboard's way while a text field has
// focus on a touch screen, back as soon as it loses focus.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

/** An iPhone's portrait insets, in CSS pixels. */
const INSETS = { top: 47, bottom: 34, left: 0, right: 0 };

/** Computed paddings of the screen and the tab bar, in px. */
async function paddings(page) {
  return page.evaluate(() => {
    const px = (el, side) => parseFloat(getComputedStyle(document.querySelector(el))[`padding${side}`]);
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    return {
      rem,
      screenTop: px('.screen', 'Top'),
      screenBottom: px('.screen', 'Bottom'),
      tabsBottom: px('.tabs', 'Bottom'),
    };
  });
}

describe('phone layout', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  test('the screen and the tab bar stay inside the safe area', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    const cdp = await phone.cdp();
    try {
      await cdp.send('Emulation.setSafeAreaInsetsOverride', { insets: INSETS });
    } catch (e) {
      t.skip(`this Chromium cannot emulate safe-area insets: ${e.message}`);
      return;
    }
    await h.open(page, '#/');
    const p = await paddings(page);
    const near = (a, b) => Math.abs(a - b) < 0.5;
    assert.ok(near(p.screenTop, p.rem + INSETS.top), `screen top padding ${p.screenTop}px`);
    assert.ok(near(p.tabsBottom, 0.25 * p.rem + INSETS.bottom), `tab bar bottom padding ${p.tabsBottom}px`);
    assert.ok(near(p.screenBottom, 6 * p.rem + INSETS.bottom), `room under the last row ${p.screenBottom}px`);
    const bar = await h.tid(page, 'tab-today').boundingBox();
    assert.ok(bar.y + bar.height <= 844 - INSETS.bottom, 'the tabs sit above the home indicator');
    await phone.done();
  });

  test('the tab bar steps aside while a text field has focus', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/capture');
    const tabsShown = () => page.evaluate(() => getComputedStyle(document.querySelector('.tabs')).visibility !== 'hidden');
    assert.ok(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'a touch screen');
    assert.equal(await tabsShown(), true);
    const notes = h.tid(page, 'capture-went-well');
    await notes.waitFor({ state: 'visible' });
    await notes.tap();
    await h.eventually(async () => !(await tabsShown()), { message: 'the tab bar is hidden while typing' });
    await page.evaluate(() => document.activeElement.blur());
    await h.eventually(tabsShown, { message: 'the tab bar is back once the field loses focus' });
    await phone.done();
  });
});
