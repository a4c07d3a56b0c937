//! Reads arbitrary bytes as an Open Referral UK feed and imports each service, then reads
//! the directory written and searches it: nothing may panic, a directory written out that
//! passes its checks reads again to the same directory, and a search finds only entries
//! that are there.
#![no_main]

use libfuzzer_sys::fuzz_target;
use waymark::directory::{add, Mapping, Tables};
use waymark::oruk::{self, Read};
use waymark_engine::directory::{Directory, DirectorySource, Finder, Query};
use waymark_engine::Date;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(value) = oruk::parse(text) else {
        return;
    };
    let Ok(feed) = oruk::feed(&value) else {
        return;
    };
    let source = DirectorySource {
        standard: "oruk".into(),
        imported: Date::new(2026, 12, 1).expect("a real date"),
        services: None,
        complete: true,
    };
    let mut directory = Directory::empty("en", source);
    let mut tables = Tables::default();
    for (at, service) in &feed.services {
        if let Read::Kept(service, _) = oruk::entry(service, at, &Mapping::default()) {
            add(&mut directory, &mut tables, *service);
        }
    }
    let written = serde_json::to_string(&directory).expect("a directory is written out");
    if let Ok(again) = Directory::from_json(&written, None) {
        assert_eq!(again, directory);
    }
    let finder = Finder::new(&directory);
    for word in ["a", "tea", "é", ""] {
        let query = Query {
            text: word.into(),
            free: Some(true),
            ..Query::default()
        };
        let found = finder.find(&directory, &query);
        assert!(found.iter().all(|i| *i < directory.entries.len()));
    }
});
