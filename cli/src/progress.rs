//! Progress on long runs: one line on standard error, redrawn in place at most ten times a
//! second, and only when standard error is a terminal. Short runs never draw it.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// How long a run goes before the progress line first appears.
const FIRST_DRAW: Duration = Duration::from_millis(500);
/// The shortest time between redraws.
const REDRAW: Duration = Duration::from_millis(100);

/// A progress line for a run over a caseload.
pub struct Progress {
    what: &'static str,
    total_bytes: Option<u64>,
    started: Instant,
    drawn: Option<Instant>,
    on: bool,
}

impl Progress {
    /// Starts timing a run called `what`; `total_bytes` is the caseload file's size, if known.
    pub fn start(what: &'static str, total_bytes: Option<u64>) -> Progress {
        Progress {
            what,
            total_bytes: total_bytes.filter(|t| *t > 0),
            started: Instant::now(),
            drawn: None,
            on: std::io::stderr().is_terminal(),
        }
    }

    /// Redraws the line, if it is time to: `cases` done so far, `bytes` read so far.
    pub fn update(&mut self, cases: u64, bytes: u64) {
        if !self.on {
            return;
        }
        let now = Instant::now();
        let due = match self.drawn {
            None => now.duration_since(self.started) >= FIRST_DRAW,
            Some(last) => now.duration_since(last) >= REDRAW,
        };
        if !due {
            return;
        }
        self.drawn = Some(now);
        let share = self
            .total_bytes
            .map(|t| format!(" ({}%)", (bytes.min(t) * 100) / t))
            .unwrap_or_default();
        let rate = per_second(cases, now.duration_since(self.started));
        let mut err = std::io::stderr().lock();
        // A progress line that cannot be drawn is not worth stopping the run for.
        let _ = write!(
            err,
            "\r\x1b[K{}: {} cases{share}, {rate} a second",
            self.what,
            count(cases)
        );
        let _ = err.flush();
    }

    /// Clears the line and returns the summary of the run: cases, time, speed and threads.
    pub fn finish(&self, cases: u64, threads: usize) -> String {
        if self.on && self.drawn.is_some() {
            eprint!("\r\x1b[K");
        }
        let elapsed = self.started.elapsed();
        let threads = if threads == 1 {
            "1 thread".to_owned()
        } else {
            format!("{threads} threads")
        };
        format!(
            "{}: {} case{} in {:.2} s, {} cases a second ({threads})",
            self.what,
            count(cases),
            if cases == 1 { "" } else { "s" },
            elapsed.as_secs_f64(),
            per_second(cases, elapsed)
        )
    }
}

/// Cases a second, written with thousands separators.
fn per_second(cases: u64, elapsed: Duration) -> String {
    let secs = elapsed.as_secs_f64();
    if secs <= 0.0 {
        return "-".into();
    }
    // Rounded to a whole number for display only.
    count((cases as f64 / secs).round() as u64)
}

/// A count written with thousands separators, like `100,000`.
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_in_thousands() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(100_000), "100,000");
        assert_eq!(count(1_234_567), "1,234,567");
    }

    #[test]
    fn the_summary_names_cases_and_threads() {
        let p = Progress::start("batch", None);
        let line = p.finish(1_000, 2);
        assert!(line.starts_with("batch: 1,000 cases in "), "{line}");
        assert!(line.ends_with(" cases a second (2 threads)"), "{line}");
    }
}
