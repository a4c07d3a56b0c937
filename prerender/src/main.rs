//! `waymark-prerender TEMPLATE --site DIR --out FILE [--date YYYY-MM-DD]`: writes the
//! page `TEMPLATE` with the start page of the site in `DIR` drawn in at its marker, as a
//! first visit sees it on `--date` (today, in UTC, when left out). Exit code 2 means bad
//! input, with one line per problem.

use std::path::PathBuf;
use std::process::ExitCode;
use waymark_engine::Date;

/// What the command line asks for.
struct Options {
    template: PathBuf,
    site: PathBuf,
    out: PathBuf,
    date: Date,
}

const USAGE: &str = "usage: waymark-prerender TEMPLATE --site DIR --out FILE [--date YYYY-MM-DD]";

fn main() -> ExitCode {
    match options(std::env::args().skip(1)).and_then(|o| run(&o)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            for problem in problems {
                eprintln!("waymark-prerender: {problem}");
            }
            ExitCode::from(2)
        }
    }
}

fn run(options: &Options) -> Result<(), Vec<String>> {
    let one = |message: String| vec![message];
    let name = options.template.display();
    let template =
        std::fs::read_to_string(&options.template).map_err(|e| one(format!("{name}: {e}")))?;
    let drawn = waymark_prerender::draw(&options.site, options.date)?;
    let page =
        waymark_prerender::insert(&template, &drawn).map_err(|e| one(format!("{name}: {e}")))?;
    std::fs::write(&options.out, page).map_err(|e| one(format!("{}: {e}", options.out.display())))
}

fn options(mut args: impl Iterator<Item = String>) -> Result<Options, Vec<String>> {
    let (mut template, mut site, mut out, mut date) = (None, None, None, None);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| vec![format!("{arg} needs a value")])
        };
        match arg.as_str() {
            "--site" => site = Some(PathBuf::from(value()?)),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--date" => {
                let text = value()?;
                let parsed = text
                    .parse()
                    .map_err(|_| vec![format!("--date {text} is not a date like 2026-06-01")])?;
                date = Some(parsed);
            }
            flag if flag.starts_with('-') => {
                return Err(vec![format!("unknown option {flag}"), USAGE.into()])
            }
            _ if template.is_none() => template = Some(PathBuf::from(arg)),
            _ => return Err(vec![format!("unexpected argument {arg}"), USAGE.into()]),
        }
    }
    let (Some(template), Some(site), Some(out)) = (template, site, out) else {
        return Err(vec![USAGE.into()]);
    };
    let date = match date {
        Some(date) => date,
        None => today()
            .ok_or_else(|| vec!["the system clock is out of range: give --date".to_owned()])?,
    };
    Ok(Options {
        template,
        site,
        out,
        date,
    })
}

/// Today in UTC, by the system clock.
fn today() -> Option<Date> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    Date::from_days_since_epoch(i64::try_from(secs / 86_400).ok()?)
}
