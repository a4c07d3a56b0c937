// A saved document for the review's tests and screenshots: the default scheme's answers
// now, a plan with one goal, two supports and money kept aside, and the last assessment
// sent, with a higher amount, so the comparison shows a decrease.
import { readFileSync } from "node:fs";
import path from "node:path";
import { northvale } from "./plan-support.mjs";
import { www } from "./support.mjs";

const tests = JSON.parse(
  readFileSync(path.join(www, northvale.file.replace(/\.json$/, ".tests.json")), "utf8"),
);
/** The last assessment sent (£7,416.00 a year) and the answers now (£1,872.00 in June). */
const LAST = tests.cases[0];
const NOW = tests.cases.find((c) => c.expect.annual === "1872.00");

const PLAN = {
  starts: "2026-06-01",
  ends: "2027-05-31",
  goals: [{ id: "goal-1", text: "Swim again", area: "community" }],
  supports: [
    { id: "support-1", description: "Swimming pass", category: "leisure_fitness", amount: "25.00",
      frequency: "monthly", goals: ["goal-1"], payer: "budget" },
    { id: "support-2", description: "Swimming lessons", category: "leisure_fitness", amount: "10.00",
      frequency: "monthly", goals: ["goal-1"], payer: "budget" },
  ],
  contingency: { amount: "100.00", when: "If things get harder" },
};

/** A saved document with a plan and the last assessment sent, as the app keeps them. */
export function stored() {
  const scheme = { id: northvale.scheme.id, version: northvale.scheme.version };
  return JSON.stringify({
    format: "waymark-saved", version: 1, scheme, answers: NOW.answers, disagreement: "",
    page: "result", saved_at: "", plan: PLAN,
    sent: {
      submission: {
        json: "{}", key: "00000000-0000-4000-8000-000000000009",
        made_from: { scheme, date: LAST.date, answers: LAST.answers, disagreement: "" },
      },
      receipt: { reference: "WM-000001", at: "2026-06-02T10:00:00.000Z" },
    },
  });
}

