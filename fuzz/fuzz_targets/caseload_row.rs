//! Reads arbitrary bytes as a caseload file (JSON Lines or CSV, as the `waymark` tool
//! tells them apart) for the council demonstration scheme and the default example
//! scheme: nothing may panic, and each of its first rows reads the same both ways the
//! tool reads it, as a case and as answers placed for the scheme, with the same id and
//! the same figures or issues (in any order).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use waymark::batch::yes_no;
use waymark::rows::{Layout, Reader, Row};
use waymark_engine::answers::check_given;
use waymark_engine::estimate::figures_checked;
use waymark_engine::{figures, Issue, Scheme};
use waymark_fuzz::EXAMPLES;

/// The scheme the caseload fixtures in `tests/fixtures/council/` are written for.
static DEMO: LazyLock<Scheme> = LazyLock::new(|| {
    Scheme::from_json(include_str!("../../tests/fixtures/council/demo-1.json"))
        .expect("the demonstration scheme loads")
});

/// The rows checked in each input: a problem with a row shows in a short file, and the
/// fuzzer runs more inputs a second when long ones cost no more than short ones.
const ROWS: usize = 8;

/// Where each input is written for the reader, which reads files: one file per process,
/// in memory (`/dev/shm`) where there is such a folder, without an extension, so the
/// reader tells JSON Lines from CSV by the first character.
static FILE: LazyLock<PathBuf> = LazyLock::new(|| {
    let shm = Path::new("/dev/shm");
    let folder = if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    folder.join(format!("waymark-fuzz-caseload-{}", std::process::id()))
});

/// Issues in one order: a case's answers are sorted by question id, while answers placed
/// for the scheme keep the row's order for ids the scheme has no question for.
fn sorted(mut issues: Vec<Issue>) -> Vec<Issue> {
    issues.sort_by(|a, b| (&a.path, &a.code).cmp(&(&b.path, &b.code)));
    issues
}

fn check(scheme: &Scheme, layout: &Layout, row: &Row) {
    let case = layout.case(row);
    let given = layout.given(scheme, row);
    match (case, given) {
        (Ok(case), Ok(given)) => {
            assert_eq!(case.id, given.id);
            let date = scheme.applies_from;
            let read = figures(scheme, &case.answers, date).map_err(sorted);
            let placed = figures_checked(scheme, &check_given(scheme, &given.answers), date);
            assert_eq!(read, placed.map_err(sorted));
        }
        (Err(a), Err(b)) => assert_eq!(a.id, b.id),
        (a, b) => panic!(
            "a row is a case one way and not the other: {:?} and {:?}",
            a.map(|c| c.id).map_err(|e| e.issues),
            b.map(|c| c.id).map_err(|e| e.issues)
        ),
    }
}

fuzz_target!(|data: &[u8]| {
    std::fs::write(&*FILE, data).expect("the caseload file is written");
    let path = FILE.to_str().expect("the temporary folder's name is text");
    for scheme in [&*DEMO, &EXAMPLES[0]] {
        let Ok((mut reader, layout)) = Reader::open(path, &|id| yes_no(&[scheme], id)) else {
            continue;
        };
        for row in reader.rows(ROWS).unwrap_or_default() {
            check(scheme, &layout, &row);
        }
    }
});
