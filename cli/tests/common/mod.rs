//! Running the real `waymark` binary, and fresh folders, for the command-line tests. Each
//! test binary uses the helpers it needs, so one it does not use is not dead code.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
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

/// A fresh folder, unique to this call, for tests that run at the same time.
pub fn temp_dir(name: &str) -> PathBuf {
    static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("waymark-{name}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
