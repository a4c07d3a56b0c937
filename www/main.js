// Starts the Waymark page: loads the wasm module, which renders into #app. If the module
// cannot load (a very old browser, or a broken deployment), says so instead of leaving
// the page blank; this is the only interface text outside the app's catalogue.
import init, { run } from "./dist/waymark_web.js";

init().then(() => run()).catch(() => {
  const app = document.getElementById("app");
  if (app) {
    app.innerHTML =
      '<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">' +
      '<h1 class="govuk-heading-xl">Sorry, there is a problem with the service</h1>' +
      '<p class="govuk-body">This service could not start in this browser. Try again later, ' +
      "try another browser, or contact your council for an estimate.</p></main></div>";
  }
});
