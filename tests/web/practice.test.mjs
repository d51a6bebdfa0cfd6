// Spaced practice in the browser at phone size: an answer to improve in a
// debrief becomes a card with one tap, is practised from Today (timer,
// answer, rating) and leaves Today; the app badge counts what Today asks
// for and clears once the practice is done; a reload in the middle of a
// session keeps every rating given and only those.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as h from './harness.mjs';

const QUESTION = 'Why do you want to work here?';

/** Records what the page asks of the Badging API (Chromium headless has none). */
async function watchBadge(context) {
  await context.addInitScript(() => {
    window.__badge = null;
    navigator.setAppBadge = async (n) => { window.__badge = n; };
    navigator.clearAppBadge = async () => { window.__badge = 0; };
  });
}

async function badge(page) {
  return page.evaluate(() => window.__badge);
}

describe('practice in the browser', { skip: h.missingBuild() }, () => {
  let server;
  let browser;
  h.site((s) => ({ server, browser } = s));

  test('a weak answer becomes a card, is practised from Today and the badge follows', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page, context } = phone;
    await watchBadge(context);
    await h.open(page, '#/capture');

    // the debrief: an answer to improve, then one tap makes the card
    const wentWell = h.tid(page, 'capture-went-well');
    await wentWell.waitFor({ state: 'visible' });
    await wentWell.tap();
    await page.keyboard.type('Good talk with the team.');
    await h.tap(page, 'capture-more');
    await h.tid(page, 'capture-improve').tap();
    await page.keyboard.type(QUESTION);
    await h.eventually(async () => /Saved/.test(await h.textOf(page, 'save-state')), { message: 'saved' });
    const offer = h.tid(page, 'offer-card-0');
    await offer.waitFor({ state: 'visible', timeout: 10_000 });
    // the offers follow the saved text (a moment after "Saved")
    await h.eventually(async () => /Why do you want to work here\?/.test(await h.textOf(page, 'practice-offers')), {
      message: 'the whole line is offered',
    });
    await h.shot(page, 'web-practice-offers');
    await h.tap(page, 'offer-card-0');
    const question = h.tid(page, 'card-question');
    await question.waitFor({ state: 'visible' });
    assert.equal(await question.inputValue(), QUESTION);
    await h.tid(page, 'card-answer').tap();
    await page.keyboard.type('Your product is the one I use every day.');
    await h.eventually(async () => (await h.textOf(page, 'card-state')) === 'Saved', { message: 'card saved' });

    // Today asks for practice; the badge counts it
    await h.go(page, '#/');
    assert.match(await h.textOf(page, 'today-practice-row'), /1 card due/);
    await h.eventually(async () => (await badge(page)) >= 1, { timeout: 15_000, message: 'the badge counts the practice' });
    await h.tap(page, 'today-practise');
    assert.equal(await h.textOf(page, 'practice-question'), QUESTION);
    await h.tap(page, 'practice-start');
    await page.waitForTimeout(1500);
    assert.match(await h.textOf(page, 'practice-timer'), /^0:0[1-9]$/);
    await h.tap(page, 'practice-reveal');
    assert.match(await h.textOf(page, 'practice-answer'), /the one I use every day/);
    await h.shot(page, 'web-practice-answer');
    await h.tap(page, 'rate-good');
    assert.match(await h.textOf(page, 'practice-saved'), /^Saved “Why do you want to work here\?” · Back in 2 days/);
    assert.match(await h.textOf(page, 'practice-done'), /Done: 1 answer practised today\./);

    // off Today, and the badge clears
    await h.tap(page, 'practice-today');
    await h.tid(page, 'open-data').waitFor({ state: 'visible' });
    assert.equal(await h.tid(page, 'today-practice-row').count(), 0);
    await h.eventually(async () => (await badge(page)) === 0, { timeout: 15_000, message: 'the badge clears' });

    // not due, but an interview is tomorrow: practised again from its page
    await h.go(page, '#/practice/cards');
    await h.tap(page, 'card-open-0');
    await h.tap(page, 'card-practise');
    assert.equal(await h.textOf(page, 'practice-question'), QUESTION);
    assert.match(await h.textOf(page, 'practice-early'), /^Not due yet \(Next: .+\)\. Practising it now counts/);
    await h.tap(page, 'practice-reveal');
    assert.match(await h.textOf(page, 'rate-again'), /back tomorrow/);
    await h.tap(page, 'rate-easy');
    // the same card twice is one answer practised
    assert.match(await h.textOf(page, 'practice-done'), /Done: 1 answer practised today\./);

    // a story written and left without "Done" is kept all the same
    await h.go(page, '#/practice/cards/new');
    const story = h.tid(page, 'card-question');
    await story.waitFor({ state: 'visible' });
    await story.tap();
    await page.keyboard.type('Tell me about a time you handled a conflict.');
    await h.eventually(async () => (await h.textOf(page, 'card-state')) === 'Saved', { message: 'the new card saved as typed' });
    await h.tap(page, 'back');
    await h.go(page, '#/practice/cards');
    await h.eventually(async () => (await page.locator('.cards .row').allInnerTexts()).some((r) => r.includes('handled a conflict')), {
      message: 'the story is in the bank',
    });
    await phone.done();
  });

  test('a reload in the middle of practice keeps every rating given', async (t) => {
    const phone = await h.newPhone(browser, server);
    t.after(() => phone.close());
    const { page } = phone;
    await h.open(page, '#/practice/cards/new');
    for (const q of ['Tell me about yourself.', 'What salary are you looking for?']) {
      await h.go(page, '#/practice/cards/new');
      const field = h.tid(page, 'card-question');
      await field.waitFor({ state: 'visible' });
      await field.tap();
      await page.keyboard.type(q);
      await h.tap(page, 'card-create');
      await h.eventually(async () => /#\/practice\/cards\/[0-9a-f-]{36}$/.test(await page.evaluate(() => location.hash)), {
        message: 'the card is made',
      });
    }
    await h.go(page, '#/practice');
    assert.equal(await h.textOf(page, 'practice-count'), 'Card 1 of 2');
    const first = await h.textOf(page, 'practice-question');
    await h.tap(page, 'practice-reveal');
    await h.tap(page, 'rate-hard');
    await h.eventually(async () => (await h.textOf(page, 'practice-count')) === 'Card 2 of 2', { message: 'next card' });
    const second = await h.textOf(page, 'practice-question');
    await h.tap(page, 'practice-reveal');
    await h.tid(page, 'rate-easy').waitFor({ state: 'visible' });

    // the page goes away with the second card on screen, not rated
    await h.reload(page);
    await h.go(page, '#/practice');
    assert.equal(await h.textOf(page, 'practice-question'), second);
    assert.equal(await h.textOf(page, 'practice-count'), 'Last card');
    await h.go(page, '#/practice/cards');
    // the list shows once the worker answers
    const rows = await h.eventually(async () => {
      const all = await page.locator('.cards .row').allInnerTexts();
      return all.length === 2 ? all : false;
    }, { message: 'both cards listed' });
    const rated = rows.find((r) => r.includes(first));
    const unrated = rows.find((r) => r.includes(second));
    assert.match(rated, /Practised once/, rows.join('\n'));
    assert.match(unrated, /Not practised yet/, rows.join('\n'));
    await phone.done();
  });

  test('the practice screens in the sample journal, light and dark (README screenshots)', async (t) => {
    for (const colorScheme of ['light', 'dark']) {
      const phone = await h.newPhone(browser, server, { colorScheme });
      t.after(() => phone.close());
      const { page } = phone;
      await h.open(page, '#/practice', { demo: true });
      assert.match(await h.textOf(page, 'practice-count'), /^Card 1 of \d+$/);
      await h.tap(page, 'practice-start');
      await page.waitForTimeout(1200);
      await h.shot(page, `phone-practice-question-${colorScheme}`);
      await h.tap(page, 'practice-reveal');
      // the screen brings the grades into reach by itself, above the tab bar
      await page.waitForTimeout(800);
      const easy = await h.tid(page, 'rate-easy').boundingBox();
      const tabs = await page.locator('.tabs').boundingBox();
      assert.ok(easy.y + easy.height <= tabs.y, `the grades are above the tab bar: ${JSON.stringify({ easy, tabs })}`);
      await h.shot(page, `phone-practice-rate-${colorScheme}`);
      await h.go(page, '#/practice/cards');
      await h.tid(page, 'cards-new').waitFor({ state: 'visible' });
      assert.equal(await page.locator('.cards .row').count(), 3, 'the sample journal has three cards');
      await h.shot(page, `phone-practice-cards-${colorScheme}`);
      await phone.done();
    }
  });
});
