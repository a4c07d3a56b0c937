// Mounts Waymark into an element of a portal's own page:
//
//   import { mount } from "/waymark/embed.js";  // served from the portal's own origin
//   await mount(document.getElementById("waymark"), {
//     schemes: [schemeObjectOrJsonText],
//     config: { submit: { endpoint: "/submissions" }, embed: { estimate_updates: true } },
//   });
//
// `config` is like config.json but without `schemes`; the schemes themselves are passed
// in, the first being the default unless `config.default` says otherwise. The page must
// link styles.css, and its Content-Security-Policy must allow 'wasm-unsafe-eval'. The
// element receives bubbling "waymark" events whose `detail` is the message (ready,
// estimate-updated when opted in, submitted). The words come from the language catalogues
// in lang/ beside this file, in the language the address (?lang=cy), the device or the
// browser asks for. Rejects if the element or config is wrong.
import init, { mount as mountApp } from "./dist/waymark_web.js";

export async function mount(element, { schemes = [], config = {} } = {}) {
  await init();
  const texts = schemes.map((scheme) =>
    typeof scheme === "string" ? scheme : JSON.stringify(scheme),
  );
  const catalogues = new URL("lang/", import.meta.url).href;
  mountApp(element, JSON.stringify(config), texts, catalogues);
}
