// Starts the Waymark page: loads the wasm module, which renders into #app.
import init from "./dist/waymark_web.js";

init();
