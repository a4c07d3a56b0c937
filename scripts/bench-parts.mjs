// The parts of a benchmark script, each measured on its own: when one fails, it says so
// and the next still runs.

/**
 * Runs each of `parts` ({ name, key, measure }) in turn, or only those whose `key` is in
 * `chosen` when it names any. A part that throws is reported as not measured. Resolves to
 * whether every part run was measured.
 */
export async function measureParts(parts, chosen = []) {
  let measured = true;
  for (const { name, key, measure } of parts) {
    if (chosen.length > 0 && !chosen.includes(key)) continue;
    try {
      await measure();
    } catch (error) {
      measured = false;
      console.log(`${name}: could not be measured: ${error.message.split("\n")[0]}`);
    }
  }
  return measured;
}
