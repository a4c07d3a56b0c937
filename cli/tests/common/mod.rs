//! Running the real `waymark` binary, for the command-line tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `waymark` with these arguments and, if given, this on standard input.
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_waymark"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the waymark binary starts");
    let input = child.stdin.take();
    if let (Some(mut input), Some(bytes)) = (input, stdin) {
        // The tool may refuse its arguments, or its input early, and exit before reading
        // all of standard input; that is the behaviour under test, not a failure.
        let _ = input.write_all(bytes);
    }
    child.wait_with_output().expect("the waymark binary runs")
}
