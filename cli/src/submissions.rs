//! The receiver's store of submissions, an SQLite database, and
//! `waymark submissions export`, which writes each stored submission to a file.
//!
//! The database is in WAL mode and each submission is stored in one transaction. The
//! idempotency key is unique, and the reference (`WM-000001`) is the row's number, which
//! SQLite gives out and never reuses. What is stored is the canonical document: the
//! verified submission serialised again, never the bytes that were sent.

use crate::Failure;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;
use waymark_engine::submission::{SchemeStamp, Submission};

/// The tables, created when missing. `received` is a UTC time in RFC 3339.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS submissions (
    number INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    received TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    scheme_id TEXT NOT NULL,
    scheme_version TEXT NOT NULL,
    document TEXT NOT NULL
);";

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// What storing a submission did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    /// It was new, and is stored under this reference.
    New(String),
    /// The same document was stored before under this reference.
    Repeat(String),
    /// Another document was stored before with the same idempotency key, under this
    /// reference; nothing was stored.
    Conflict(String),
}

/// A store of submissions. One connection, behind a lock, serves every request.
pub struct Store {
    connection: Mutex<Connection>,
}

impl Store {
    /// Opens the database at `path`, creating it and its table when missing. `:memory:`
    /// opens a store in memory, for tests and fuzzing.
    pub fn open(path: &Path) -> Result<Store, String> {
        let connection = Connection::open(path).map_err(|e| e.to_string())?;
        Store::prepare(connection)
    }

    /// Opens a store that must exist already, to read it only: nothing is created or
    /// changed, so a copy on a read-only disk can be exported.
    pub fn open_existing(path: &Path) -> Result<Store, String> {
        if !path.is_file() {
            return Err("no such store".into());
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let connection = Connection::open_with_flags(path, flags).map_err(|e| e.to_string())?;
        connection
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| e.to_string())?;
        let tables: i64 = connection
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'submissions'",
                [],
                |row| row.get(0),
            )
            .map_err(|e| e.to_string())?;
        if tables == 0 {
            return Err("this database is not a store of submissions".into());
        }
        Ok(Store {
            connection: Mutex::new(connection),
        })
    }

    fn prepare(connection: Connection) -> Result<Store, String> {
        let prepared = connection
            .busy_timeout(BUSY_TIMEOUT)
            .and_then(|()| connection.pragma_update(None, "journal_mode", "WAL"))
            .and_then(|()| connection.pragma_update(None, "synchronous", "FULL"))
            .and_then(|()| connection.execute_batch(SCHEMA));
        prepared.map_err(|e| e.to_string())?;
        Ok(Store {
            connection: Mutex::new(connection),
        })
    }

    /// Stores a verified submission, as `document` (its canonical JSON), once per
    /// idempotency key. Looking the key up and inserting are one transaction.
    pub fn store(&self, submitted: &Submission, document: &str) -> rusqlite::Result<Stored> {
        self.store_document(&submitted.idempotency_key, &submitted.scheme, document)
    }

    /// Stores a verified document (a submission or a review), as its canonical JSON, once
    /// per idempotency key; submissions and reviews share the references.
    pub fn store_document(
        &self,
        key: &str,
        scheme: &SchemeStamp,
        document: &str,
    ) -> rusqlite::Result<Stored> {
        let mut connection = self
            .connection
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let before: Option<(i64, String)> = transaction
            .query_row(
                "SELECT number, document FROM submissions WHERE idempotency_key = ?1",
                [key],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        if let Some((number, stored)) = before {
            let reference = reference(number);
            return Ok(if stored == document {
                Stored::Repeat(reference)
            } else {
                Stored::Conflict(reference)
            });
        }
        transaction.execute(
            "INSERT INTO submissions (idempotency_key, scheme_id, scheme_version, document)
             VALUES (?1, ?2, ?3, ?4)",
            [key, &scheme.id, &scheme.version, document],
        )?;
        let number = transaction.last_insert_rowid();
        transaction.commit()?;
        Ok(Stored::New(reference(number)))
    }

    /// Hands each stored submission, as its reference and canonical JSON, to `each` in
    /// the order of their references, one at a time; returns how many there were.
    pub fn each_document(
        &self,
        mut each: impl FnMut(&str, &str) -> Result<(), Failure>,
    ) -> Result<u64, Failure> {
        let connection = self
            .connection
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let failed = |e: rusqlite::Error| Failure::bad(e.to_string());
        let mut statement = connection
            .prepare("SELECT number, document FROM submissions ORDER BY number")
            .map_err(failed)?;
        let mut rows = statement.query([]).map_err(failed)?;
        let mut count = 0;
        while let Some(row) = rows.next().map_err(failed)? {
            let number: i64 = row.get(0).map_err(failed)?;
            let document: String = row.get(1).map_err(failed)?;
            each(&reference(number), &document)?;
            count += 1;
        }
        Ok(count)
    }
}

/// The reference of a stored submission's number: `WM-000042`.
fn reference(number: i64) -> String {
    format!("WM-{number:06}")
}

/// `waymark submissions`' commands.
#[derive(clap::Subcommand)]
pub enum Command {
    /// Write every stored submission to DIR as WM-000001.json and so on.
    Export {
        /// The receiver's database.
        #[arg(long, value_name = "FILE")]
        store: PathBuf,
        /// The folder to write to, created if missing.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

/// Runs a `waymark submissions` command.
pub fn run(command: &Command) -> Result<(), Failure> {
    match command {
        Command::Export { store, out } => export(store, out),
    }
}

/// Writes every submission stored in the database `store` to `out/WM-000001.json` and so
/// on, as canonical JSON, creating `out`, and prints how many it wrote.
pub fn export(store: &Path, out: &Path) -> Result<(), Failure> {
    let located = |e: String| Failure::bad(format!("{}: {e}", store.display()));
    let store = Store::open_existing(store).map_err(located)?;
    std::fs::create_dir_all(out)
        .map_err(|e| Failure::bad(format!("{}: cannot create: {e}", out.display())))?;
    let count = store.each_document(|reference, document| {
        let file = out.join(format!("{reference}.json"));
        std::fs::write(&file, document)
            .map_err(|e| Failure::bad(format!("{}: cannot write: {e}", file.display())))
    })?;
    println!("exported {count} submissions to {}", out.display());
    Ok(())
}
