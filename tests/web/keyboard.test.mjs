// A laptop user on Leads: arrows decide only once the card has the focus and
// never while scrolling; Ctrl+Z undoes a decision; Escape goes back from a
// lead's page. A lead added with pay, place and how the work is done shows
// them on its card and its page.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

const LAPTOP = { viewport: { width: 1200, height: 760 }, isMobile: false, hasTouch: true, deviceScaleFactor: 1 };

describe('keyboard and lead details at the desk', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  test('arrows decide only from the focused card, Ctrl+Z undoes, Escape goes back', async (t) => {
    const desk = await h.newPhone(browser, server, LAPTOP);
    t.after(() => desk.close());
    const { page } = desk;
    await h.open(page, '#/leads');
    await h.addLead(page, 'Orbit Foods', 'Data Analyst');
    // the second with pay, place and how the work is done
    await h.tap(page, 'add-lead');
    await h.tid(page, 'lead-company').fill('Lumen Energy');
    await h.tid(page, 'lead-role').fill('API Engineer');
    await h.tid(page, 'lead-more').click();
    await h.tid(page, 'lead-pay-min').fill('48k');
    await h.tid(page, 'lead-pay-max').fill('55.000');
    await h.tid(page, 'lead-location').fill('Lyon');
    await h.tid(page, 'lead-mode-Hybrid').click();
    await h.tid(page, 'lead-save').click();
    await h.pipelineRow(page, 'Lumen Energy').waitFor();
    assert.equal(await h.topCompany(page), 'Orbit Foods');

    // scrolling with the keys decides nothing
    await page.locator('h1').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await h.sleep(400);
    assert.equal(await h.topCompany(page), 'Orbit Foods', 'no lead was decided by keys the card did not have');

    // ↑ scrolls, even on the focused card; I asks for more info
    await h.tid(page, 'deck-card').focus();
    await page.keyboard.press('ArrowUp');
    await h.sleep(400);
    assert.equal(await h.topCompany(page), 'Orbit Foods', '↑ never decides');
    await h.tid(page, 'deck-card').focus();
    await page.keyboard.press('i');
    await h.eventually(async () => (await h.topCompany(page)) === 'Lumen Energy', { message: 'I sent Orbit Foods to the back' });
    await page.keyboard.press('Control+z');
    await h.eventually(async () => (await h.topCompany(page)) === 'Orbit Foods', { message: 'Ctrl+Z undid it' });

    // with the card focused, → takes it, and Ctrl+Z puts it back
    await h.tid(page, 'deck-card').focus();
    await page.keyboard.press('ArrowRight');
    await h.eventually(async () => (await h.topCompany(page)) === 'Lumen Energy', { message: '→ took Orbit Foods' });
    await page.locator('h1').click(); // focus off the card: Ctrl+Z still works on the screen
    await page.keyboard.press('Control+z');
    await h.eventually(async () => (await h.topCompany(page)) === 'Orbit Foods', { message: 'Ctrl+Z undid it' });

    // Alt+← is the browser's back, never "pass"
    await h.tid(page, 'deck-card').focus();
    await page.keyboard.press('Alt+ArrowLeft');
    await h.sleep(300);
    assert.equal(await h.topCompany(page), 'Orbit Foods');

    // the card shows pay, place and mode; so does the lead's page
    await h.go(page, '#/leads');
    await h.openLead(page, 'Lumen Energy');
    const facts = await h.textOf(page, 'lead-facts');
    assert.match(facts, /48,000–55,000 EUR a year/);
    assert.match(facts, /Lyon/);
    assert.match(facts, /Hybrid/);
    await h.shot(page, 'web-desk-lead-facts');
    await page.locator('h1').click();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => location.hash === '#/leads');
    await desk.done();
  });

  test('a pay that could be read two ways is refused with the field named', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/leads');
    // a fresh journal opens Leads with the form to add the first one
    await h.tid(page, 'lead-company').waitFor();
    await h.tid(page, 'lead-company').fill('Kestrel');
    await h.tid(page, 'lead-role').fill('Engineer');
    await h.tap(page, 'lead-more');
    await h.tid(page, 'lead-pay-min').fill('45.50');
    await h.tap(page, 'lead-save');
    await page.locator('.pay-fields .field-error', { hasText: 'whole amounts' }).waitFor();
    assert.equal(await h.tid(page, 'lead-company').inputValue(), 'Kestrel', 'nothing typed is lost');
    await phone.done();
  });
});
