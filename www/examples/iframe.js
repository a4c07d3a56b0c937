// The host side of an iframe: lists every message the framed app sends, after checking
// that it comes from that frame and its origin, and passes this page's ?date= on to the app.
// The frame's address is set here, once, after the listener is in place, so the app loads
// once and its first message is not missed.
const frame = document.getElementById("waymark");
const list = document.getElementById("events");

/** The origin the framed app runs on: the only one whose messages are listened to. */
const frameUrl = new URL(frame.dataset.src, location.href);
const frameOrigin = frameUrl.origin;

window.addEventListener("message", (event) => {
  if (event.origin !== frameOrigin || event.source !== frame.contentWindow) return;
  const data = event.data;
  if (typeof data !== "object" || data === null || data.source !== "waymark") return;
  const item = document.createElement("li");
  item.textContent = JSON.stringify(data); // as text, never parsed as HTML
  list.append(item);
});

// A demonstration date (?date=YYYY-MM-DD) in this page's address goes to the app too.
const date = new URLSearchParams(location.search).get("date");
if (date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
  frameUrl.searchParams.set("date", date);
}
frame.src = frameUrl.href;
