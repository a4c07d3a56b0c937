//! `waymark estimate`: one estimate, as JSON or as the text a person reads.

use crate::args::Args;
use crate::files;
use crate::Failure;
use waymark_engine::{estimate, what_would_change, Date};

/// Prints the estimate for a scheme and answers.
pub fn run(argv: &[String]) -> Result<(), Failure> {
    let args = Args::parse(argv, &["date", "format", "lang"])?;
    let [scheme_path, answers_path] = args.positional.as_slice() else {
        return Err(Failure::bad("estimate needs SCHEME and ANSWERS"));
    };
    let as_text = args.wants_text()?;
    let date = date_option(&args)?;
    let scheme = files::scheme(scheme_path)?;
    let answers = files::answers(answers_path)?;
    let words = if as_text {
        Some(crate::words::for_person(args.option("lang"), &scheme)?)
    } else {
        None
    };
    let result = estimate(&scheme, &answers, date)
        .map_err(|issues| Failure::Bad(files::located(answers_path, &issues)))?;
    if let Some(words) = words {
        print!(
            "{}",
            waymark_words::report::estimate(&words, &scheme, &result)
        );
        return Ok(());
    }
    let changes = what_would_change(&scheme, &answers, date, &result);
    let mut value = serde_json::to_value(&result).map_err(|e| Failure::bad(e.to_string()))?;
    if let Some(map) = value.as_object_mut() {
        let changes = serde_json::to_value(changes).map_err(|e| Failure::bad(e.to_string()))?;
        map.insert("what_would_change".into(), changes);
    }
    let text = serde_json::to_string_pretty(&value).map_err(|e| Failure::bad(e.to_string()))?;
    println!("{text}");
    Ok(())
}

/// The `--date` option, or today.
pub fn date_option(args: &Args) -> Result<Date, Failure> {
    match args.option("date") {
        Some(text) => text
            .parse()
            .map_err(|e| Failure::bad(format!("--date {text:?}: {e}"))),
        None => today(),
    }
}

fn today() -> Result<Date, Failure> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| Failure::bad("the system clock is before 1970: give --date"))?
        .as_secs();
    Date::from_days_since_epoch(i64::try_from(secs / 86_400).unwrap_or(i64::MAX))
        .ok_or_else(|| Failure::bad("the system clock is out of range: give --date"))
}
