// Sending, end to end, with the reference receiver (`waymark receive`) serving the site
// and taking submissions on one origin: a full journey and plan; consent; the receipt;
// the receiver's copy verifies; a failing network or receiver loses nothing and a retry
// stores one copy; script-like text stays text; and nothing leaves before consent.
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { addGoal, addSupport, choose, goTo, northvale, openPlan, save } from "./plan-support.mjs";
import { cliVerify, exportSubmissions, startReceiver, storedSubmissions } from "./receiver.mjs";
import {
  answerAll,
  appStarted,
  axeProblems,
  downloadedText,
  follow,
  launchBrowser,
  openApp,
  route,
  say,
  WAIT_MS,
} from "./support.mjs";

/** Text that would run if it were ever inserted as HTML. */
const SCRIPT = `<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>`;

/** The configuration's sending part, as a deployment with the receiver has it. */
const SUBMIT = { submit: { endpoint: "submissions" } };

/** The same, with a receiver that must answer within a second. */
const IMPATIENT = { submit: { endpoint: "submissions", timeout_seconds: 1 } };

/** The council the example scheme belongs to. */
const OWNER = say(northvale.scheme.owner);

/** Every free-text field of the plan's pages, with the page it is on. */
const FREE_TEXT = [
  ["contingency", "contingency-when"],
  ["crisis", "crisis-contacts"],
  ["crisis", "crisis-helps"],
  ["risks", "risks"],
  ["risks", "if-support-fails"],
  ["helpers", "helpers"],
];

/** Builds a plan whose every free-text field holds `words`, and writes notes too. */
async function planWithText(page, words) {
  await addGoal(page, { text: `Swim ${words}`, area: "community", measure: `Weekly ${words}` });
  await addSupport(page, {
    description: `Swimming pass ${words}`,
    category: "leisure_fitness",
    payer: "budget",
    amount: "25",
    relative: false,
    frequency: "monthly",
    goals: ["goal-1"],
  });
  for (const [rest, id] of FREE_TEXT) {
    await goTo(page, rest);
    await page.locator(`#${id}`).fill(`${id} ${words}`);
    if (rest === "contingency") await page.locator("#contingency-amount").fill("100");
    await save(page);
  }
  await goTo(page, "holding");
  await choose(page, "holding-kind", "direct_payment");
  await save(page);
  await page.evaluate(() => {
    location.hash = "#/result";
  });
  await page.locator("#disagreement").waitFor({ timeout: WAIT_MS });
  await page.locator("#disagreement").fill(`Notes ${words}`);
  await page.getByRole("button", { name: "Save what I have written" }).click();
  await page.locator(".govuk-notification-banner").waitFor({ timeout: WAIT_MS });
}

/** The posts to the receiver among `requests`. */
function posts(requests) {
  return requests.filter((r) => r.method() === "POST");
}

/** Downloads a file by clicking `locator`, and parses it. */
async function downloaded(page, locator) {
  return JSON.parse(await downloadedText(page, locator));
}

/** Waits for the failure banner to say `why`. */
async function failedWith(page, why) {
  await page.locator("#send-failure", { hasText: why }).waitFor({ timeout: WAIT_MS });
  await page.waitForFunction(
    () => document.activeElement?.classList.contains("govuk-notification-banner"),
    null,
    { timeout: WAIT_MS },
  );
}

describe("sending", { timeout: 120_000 }, () => {
  let receiver;
  let browser;
  before(async () => {
    receiver = await startReceiver();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await receiver?.stop();
  });

  test("a person checks what will be sent, agrees, sends it, and the receiver's copy verifies", async () => {
    const { context, page, requests, errors } = await openPlan(browser, receiver.origin, SUBMIT);
    const dialogs = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss();
    });
    try {
      await planWithText(page, SCRIPT);
      await follow(page, page.locator("#send-link"));
      assert.equal(await route(page), "#/send");
      assert.equal(await page.locator("main h1").textContent(), "Check what you will send");

      // Everything typed is on the page as text, and nothing ran.
      const main = await page.locator("main").textContent();
      for (const words of [`Swim ${SCRIPT}`, `Swimming pass ${SCRIPT}`, `Notes ${SCRIPT}`,
        ...FREE_TEXT.map(([, id]) => `${id} ${SCRIPT}`)]) {
        assert.ok(main.includes(words), `shown as text: ${words}`);
      }
      assert.equal(await page.locator("main img, main script").count(), 0);
      assert.equal(await page.evaluate(() => window.__injected), undefined);
      assert.equal(await page.locator("#send-amount").textContent(), "£7,416.00 a year");
      assert.deepEqual(await axeProblems(page), [], "check what you will send");

      // The file offered before consent is what would be sent, without consent or key.
      const preview = await downloaded(page, page.locator("#preview-file"));
      assert.equal(preview.format, "waymark-submission");
      assert.deepEqual(preview.answers, northvale.eligible.answers);
      assert.deepEqual(preview.consent, { agreed: [], at: "" });
      assert.equal(preview.disagreement, `Notes ${SCRIPT}`);

      // Sending without ticking the box is an error, and nothing is sent.
      const button = page.getByRole("button", { name: `Send to ${OWNER}` });
      await button.click();
      await page.locator(".govuk-error-summary").waitFor({ timeout: WAIT_MS });
      assert.equal(
        await page.locator(".govuk-error-summary a").textContent(),
        `Tick the box to agree to send this information to ${OWNER}`,
      );
      assert.deepEqual(posts(requests), [], "nothing is posted before consent");
      assert.deepEqual(await axeProblems(page), [], "the consent error");

      await page.locator("#consent").check();
      await follow(page, button);
      assert.equal(await route(page), "#/sent");
      assert.equal(await page.locator("main h1").textContent(), `Sent to ${OWNER}`);
      const reference = await page.locator("#reference").textContent();
      assert.match(reference, /^WM-\d{6}$/);
      assert.deepEqual(await axeProblems(page), [], "the receipt");

      const sent = posts(requests);
      assert.equal(sent.length, 1);
      assert.equal(sent[0].url(), `${receiver.origin}/submissions`);
      const body = JSON.parse(sent[0].postData());
      assert.equal(sent[0].headers()["idempotency-key"], body.idempotency_key);
      assert.match(body.idempotency_key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(body.consent.agreed[0], `I agree to send this information to ${OWNER}`);
      assert.equal(body.plan.goals[0].text, `Swim ${SCRIPT}`);

      const stored = storedSubmissions(receiver.store).find((s) => s.idempotency_key === body.idempotency_key);
      assert.deepEqual(stored, body, "the receiver stored what was sent, written out again");
      const file = path.join(exportSubmissions(receiver.store), `${reference}.json`);
      const verified = cliVerify(file, northvale.file);
      assert.equal(verified.status, 0, verified.stdout + verified.stderr);

      assert.deepEqual(await downloaded(page, page.locator("#sent-download")), body);
      const elsewhere = requests.filter((r) => new URL(r.url()).origin !== receiver.origin);
      assert.deepEqual(elsewhere.map((r) => r.url()), [], "nothing goes to any other origin");
      assert.deepEqual(dialogs, []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test("a failing network or receiver loses nothing, and trying again stores one copy", async () => {
    const { context, page, requests } = await openApp(browser, receiver.origin, {
      date: northvale.eligible.date,
      schemes: [northvale.file],
      config: IMPATIENT,
    });
    try {
      await answerAll(page, northvale, northvale.eligible.answers);
      await follow(page, page.locator('main a[href="#/result"]'));
      await follow(page, page.locator("#send-link"));
      const before = storedSubmissions(receiver.store).length;
      const faults = [
        (r) => r.abort("connectionrefused"),
        (r) => r.fulfill({ status: 503, contentType: "application/json", body: "{}" }),
        (r) => new Promise((resolve) => setTimeout(resolve, 1_500)).then(() => r.abort("timedout")).catch(() => {}),
        // The receiver stores it, but its answer is lost on the way back.
        async (r) => {
          await r.fetch();
          await r.abort("connectionreset");
        },
      ];
      await page.route("**/submissions", (r) => (faults.shift() ?? ((x) => x.continue()))(r));

      await page.locator("#consent").check();
      await page.getByRole("button", { name: `Send to ${OWNER}` }).click();
      await failedWith(page, "could not reach");
      assert.deepEqual(await axeProblems(page), [], "the failure");
      const retry = page.locator("#retry");
      await retry.click();
      await failedWith(page, "had a problem (code 503)");
      await retry.click();
      await failedWith(page, "did not answer in time");
      await retry.click();
      await failedWith(page, "could not reach");
      assert.equal(storedSubmissions(receiver.store).length, before + 1, "the lost answer's copy is stored");
      const kept = await downloaded(page, page.locator("#failed-download"));

      // After a reload, the agreed submission is still there and goes with the same key.
      await page.reload();
      await appStarted(page);
      assert.equal(await route(page), "#/send");
      assert.equal(await page.locator("#consent").isChecked(), false, "consent is never ticked for the person");
      await page.locator("#consent").check();
      await follow(page, page.getByRole("button", { name: `Send to ${OWNER}` }));
      assert.equal(await route(page), "#/sent");

      const sent = posts(requests);
      assert.equal(sent.length, 5);
      const keys = new Set(sent.map((r) => JSON.parse(r.postData()).idempotency_key));
      assert.deepEqual([...keys], [kept.idempotency_key], "every attempt has the same key");
      const stored = storedSubmissions(receiver.store);
      assert.equal(stored.length, before + 1, "one stored copy");
      const reference = await page.locator("#reference").textContent();
      assert.equal(stored.at(-1).idempotency_key, kept.idempotency_key);
      assert.equal(reference, `WM-${String(stored.length).padStart(6, "0")}`);
    } finally {
      await context.close();
    }
  });

  test("with no endpoint configured, the person can download and print but not send", async () => {
    const { context, page, requests } = await openApp(browser, receiver.origin, {
      date: northvale.eligible.date,
      schemes: [northvale.file],
    });
    try {
      await answerAll(page, northvale, northvale.eligible.answers);
      await follow(page, page.locator('main a[href="#/result"]'));
      assert.equal(await page.locator("#send-link").count(), 0);
      assert.match(await page.locator("#cannot-send").textContent(), /cannot send your estimate/);
      assert.equal(await page.getByRole("button", { name: "Print this page" }).count(), 1);
      assert.equal(await page.getByRole("button", { name: "Download your answers" }).count(), 1);
      await page.evaluate(() => {
        location.hash = "#/send";
      });
      await page.waitForFunction(() => location.hash === "#/result", null, { timeout: WAIT_MS });
      assert.deepEqual(posts(requests), []);
    } finally {
      await context.close();
    }
  });

  test("a portal framing the app hears that it was submitted, with the reference", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const config = {
      schemes: [{ path: northvale.file }],
      default: 0,
      ...SUBMIT,
      embed: { allowed_origins: [receiver.origin] },
    };
    await page.route("**/config.json", (r) =>
      r.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(config) }),
    );
    try {
      await page.goto(`${receiver.origin}/examples/iframe.html?date=${northvale.eligible.date}`);
      const frame = await (await page.locator("iframe#waymark").elementHandle()).contentFrame();
      await appStarted(frame);
      await answerAll(frame, northvale, northvale.eligible.answers);
      await follow(frame, frame.locator('main a[href="#/result"]'));
      await follow(frame, frame.locator("#send-link"));
      await frame.locator("#consent").check();
      await follow(frame, frame.getByRole("button", { name: `Send to ${OWNER}` }));
      const reference = await frame.locator("#reference").textContent();
      const submitted = page.locator("#events li", { hasText: '"type":"submitted"' });
      await submitted.waitFor({ timeout: WAIT_MS });
      const message = JSON.parse(await submitted.textContent());
      assert.deepEqual(message, {
        source: "waymark",
        type: "submitted",
        scheme: { id: northvale.scheme.id, version: northvale.scheme.version },
        reference,
      });
      const types = (await page.locator("#events li").allTextContents()).map((t) => JSON.parse(t).type);
      assert.deepEqual(types, ["ready", "submitted"], "no estimate updates without opting in");
    } finally {
      await context.close();
    }
  });
});
