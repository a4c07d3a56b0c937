//! Running work over a caseload in bounded batches, on one thread or several, keeping the
//! caseload's order.
//!
//! The main thread reads rows and writes results; worker threads (scoped to each batch)
//! turn rows into results. While the workers run one batch, the main thread writes the
//! previous batch's results and reads the next batch, so at most three batches are ever in
//! memory, whatever the caseload's size.

use crate::progress::Progress;
use crate::rows::{Reader, Row};
use crate::Failure;

/// Rows each thread takes from a batch.
const ROWS_PER_THREAD: usize = 1024;

/// How many threads to use: `--threads N`, or every core the system offers.
pub fn threads(option: Option<usize>) -> usize {
    option.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// Runs `work` on every row and hands the results to `sink` in the caseload's order;
/// returns the number of rows.
pub fn run<T: Send>(
    reader: &mut Reader,
    threads: usize,
    progress: &mut Progress,
    work: impl Fn(&Row) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), Failure>,
) -> Result<u64, Failure> {
    let mut done = 0u64;
    if threads <= 1 {
        loop {
            let rows = reader.rows(ROWS_PER_THREAD)?;
            if rows.is_empty() {
                return Ok(done);
            }
            for row in &rows {
                sink(work(row))?;
            }
            done += rows.len() as u64;
            progress.update(done, reader.bytes().0);
        }
    }
    let batch = ROWS_PER_THREAD * threads;
    let mut current = reader.rows(batch)?;
    let mut pending: Vec<Vec<T>> = Vec::new();
    while !current.is_empty() {
        let work = &work;
        let (results, written, next) = std::thread::scope(|s| {
            let handles: Vec<_> = current
                .chunks(ROWS_PER_THREAD)
                .map(|chunk| s.spawn(move || chunk.iter().map(work).collect::<Vec<T>>()))
                .collect();
            let written = pending.drain(..).flatten().try_for_each(&mut sink);
            let next = if written.is_ok() {
                reader.rows(batch)
            } else {
                Ok(Vec::new())
            };
            let results: Vec<Vec<T>> = handles
                .into_iter()
                .map(|h| {
                    h.join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect();
            (results, written, next)
        });
        written?;
        done += current.len() as u64;
        progress.update(done, reader.bytes().0);
        pending = results;
        current = next?;
    }
    pending.into_iter().flatten().try_for_each(&mut sink)?;
    Ok(done)
}
