// The host side of mounting: fetches a scheme, mounts Waymark into #waymark with it and a
// configuration, and lists each `waymark` event the app dispatches there.
const element = document.getElementById("waymark");
const list = document.getElementById("events");

element.addEventListener("waymark", (event) => {
  const data = event.detail;
  if (typeof data !== "object" || data === null || data.source !== "waymark") return;
  const item = document.createElement("li");
  item.textContent = JSON.stringify(data); // as text, never parsed as HTML
  list.append(item);
});

/** Says plainly, in place of the app, that it could not start. */
function showProblem() {
  const box = document.createElement("div");
  box.className = "govuk-width-container";
  const message = document.createElement("p");
  message.className = "govuk-body";
  message.setAttribute("role", "alert");
  message.textContent = "Sorry, the estimate could not start on this page. Try again later.";
  box.append(message);
  element.replaceChildren(box);
}

try {
  const response = await fetch("../schemes/northvale-recovery-2026.json");
  if (!response.ok) throw new Error(`the scheme could not be fetched (${response.status})`);
  const text = await response.text();
  const { mount } = await import("../embed.js");
  await mount(element, {
    schemes: [text],
    config: { submit: { endpoint: "../submissions" }, embed: { estimate_updates: true } },
  });
} catch (error) {
  console.warn("Waymark could not be mounted:", error);
  showProblem();
}
