// The screenshot scripts' shared part: a folder to write into (the first argument, or a
// default), and `shoot`, which saves the whole page at a phone's width and a desktop's.
import { mkdirSync } from "node:fs";
import path from "node:path";

const WIDTHS = [375, 1280];

/** Pages taller than this are saved in parts of at most this many pixels. */
const PART = 1600;

/**
 * Makes the output folder (process.argv[2], or `fallback`) and returns `shoot(page, name)`
 * with `taken`, the files saved so far.
 */
export function screenshots(fallback) {
  const out = process.argv[2] ?? fallback;
  mkdirSync(out, { recursive: true });
  const taken = [];
  async function shoot(page, name) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let top = 0, part = 1; top < height; top += PART, part += 1) {
        const suffix = height > PART ? `-part${part}` : "";
        const file = path.join(out, `${name}-${width}${suffix}.png`);
        const clip = { x: 0, y: top, width, height: Math.min(PART, height - top) };
        await page.screenshot({ path: file, fullPage: true, clip });
        taken.push(file);
      }
    }
  }
  return { shoot, taken };
}
