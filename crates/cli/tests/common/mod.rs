//! Shared by the CLI integration tests: run the built `dyad` binary.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `dyad ARGS`, feeding `stdin` when given, and returns its output.
pub fn dyad(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dyad"));
    cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn dyad");
    if let Some(input) = stdin {
        // A usage error can make dyad exit before it reads its input: the
        // pipe is then closed, which is not the test's failure.
        match child.stdin.take().expect("stdin").write_all(input) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            r => r.expect("write stdin"),
        }
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("dyad runs")
}
