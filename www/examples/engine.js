// The engine module used on its own: loadScheme, then estimate on each submit.
import init, { loadScheme, estimate } from "../dist/engine/waymark.js";

const schemeUrl = "../schemes/northvale-recovery-2026.json";
const casesUrl = "../schemes/northvale-recovery-2026.tests.json";

await init();
const [schemeText, cases] = await Promise.all([
  fetch(schemeUrl).then((r) => r.text()),
  fetch(casesUrl).then((r) => r.json()),
]);
const scheme = loadScheme(schemeText);
const example = cases.cases[0];
const answers = document.getElementById("answers");
const result = document.getElementById("result");
answers.value = JSON.stringify(example.answers, null, 2);

/** Replaces the result with a heading and lines of text; text is never parsed as HTML. */
function show(heading, lines) {
  const h2 = document.createElement("h2");
  h2.className = "govuk-heading-m";
  h2.textContent = heading;
  const list = document.createElement("ol");
  list.className = "govuk-list govuk-list--number";
  for (const line of lines) {
    const item = document.createElement("li");
    item.textContent = line;
    list.append(item);
  }
  result.replaceChildren(h2, list);
}

document.getElementById("example-form").addEventListener("submit", (event) => {
  event.preventDefault();
  try {
    const e = estimate(scheme, answers.value, example.date);
    show(`${e.annual} a year (${e.weekly} a week), ${e.scheme.title} version ${e.scheme.version}`,
      e.explanation.map((step) => `${step.label}: ${step.text}`));
    result.dataset.annual = e.annual;
  } catch (error) {
    const issues = error.issues ?? [{ path: "", message: String(error) }];
    show("There is a problem with the answers", issues.map((i) => `${i.path || "/"}: ${i.message}`));
  }
});
