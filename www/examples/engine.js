// The engine module used on its own: loadScheme, then estimate on each submit. The
// explanation is data (ids and values): a portal words it itself, here with the scheme's
// own step labels and the portal's words for the engine's closing steps.
import init, { loadScheme, estimate } from "../dist/engine/waymark.js";

const schemeUrl = "../schemes/northvale-recovery-2026.json";
const casesUrl = "../schemes/northvale-recovery-2026.tests.json";

await init();
const [schemeText, cases] = await Promise.all([
  fetch(schemeUrl).then((r) => r.text()),
  fetch(casesUrl).then((r) => r.json()),
]);
const scheme = loadScheme(schemeText);
const file = scheme.file;
const example = cases.cases[0];
const closing = { annual: "Your yearly amount", weekly: "Your weekly amount" };
const english = (text) => (typeof text === "string" ? text : text.en);

/** A step's name: the scheme's label for its own steps, the portal's for the engine's. */
function label(id) {
  const step = file.allocation.steps.find((s) => s.id === id);
  return step ? english(step.label) : closing[id] ?? id;
}
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
    const e = estimate(scheme, answers.value, example.date, { explain: true });
    show(`£${e.annual} a year (£${e.weekly} a week), ${english(file.title)} version ${e.scheme.version}`,
      e.explanation.map((step) => `${label(step.id)}: ${step.result}`));
    result.dataset.annual = e.annual;
  } catch (error) {
    const issues = error.issues ?? [{ path: "", message: String(error) }];
    show("There is a problem with the answers", issues.map((i) => `${i.path || "/"}: ${i.message}`));
  }
});
