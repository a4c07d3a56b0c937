//! The impact report as one self-contained HTML page for a council panel: a summary, what
//! changed in the scheme, which steps changed budgets, a chart of the changes with the same
//! figures as a table, the largest losses and the cases that could not be worked out.
//!
//! Everything is inline (styles, the SVG chart) and nothing is fetched or run, so the page
//! can be emailed, archived or printed as it is.

use crate::impact::Version;
use crate::impact_summary::{Kind, Summary, BUCKETS};
use crate::progress::count;
use crate::scheme_diff;
use std::fmt::Write;
use waymark_engine::scheme::Currency;
use waymark_engine::Decimal;
use waymark_words::Catalogue;

/// The report's page, in the staff catalogue's words `c`.
pub fn html(
    c: &Catalogue,
    old: &Version,
    new: &Version,
    cases_file: &str,
    summary: &Summary,
) -> String {
    let s = &new.scheme;
    let money = Money {
        words: c,
        currency: s.currency,
    };
    let mut page = String::with_capacity(32 * 1024);
    let title = if same_version(old, new) {
        format!(
            "Impact of {} on {} compared with {}",
            c.say(&s.title),
            new.date,
            old.date
        )
    } else {
        format!("Impact of version {} of {}", s.version, c.say(&s.title))
    };
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} – impact report</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#main\">Skip to main content</a>\n\
         <header class=\"banner\"><div class=\"width\"><p class=\"owner\">{}</p>\
         <p class=\"service\">Resource allocation: impact report</p></div></header>\n\
         <main id=\"main\" class=\"width\">\n<h1>{}</h1>\n",
        esc(&title),
        esc(c.say(&s.owner)),
        esc(&title)
    );
    intro(&mut page, c, old, new, cases_file, summary);
    overview(&mut page, summary, &money);
    scheme_changes(&mut page, c, old, new);
    steps(&mut page, summary);
    distribution(&mut page, summary);
    losses(&mut page, summary, &money, old, new);
    problems(&mut page, c, summary, old, new);
    method(&mut page, c, old, new);
    page.push_str(
        "</main>\n<footer class=\"footer\"><div class=\"width\"><p>Made with Waymark’s \
         <code>impact</code> command. The per-case figures are in impact.csv beside this page.</p>\
         </div></footer>\n</body>\n</html>\n",
    );
    page
}

/// Whether both sides are the same version, compared on two dates.
fn same_version(old: &Version, new: &Version) -> bool {
    old.scheme.id == new.scheme.id && old.scheme.version == new.scheme.version
}

/// How column headings name the two sides: by version, or by date for one version.
fn side_names(old: &Version, new: &Version) -> (String, String) {
    if same_version(old, new) {
        (format!("On {}", old.date), format!("On {}", new.date))
    } else {
        (
            format!("Version {}", old.scheme.version),
            format!("Version {}", new.scheme.version),
        )
    }
}

fn intro(
    page: &mut String,
    c: &Catalogue,
    old: &Version,
    new: &Version,
    cases_file: &str,
    summary: &Summary,
) {
    let change = if same_version(old, new) {
        format!(
            "the values in force on {} replaced those in force on {}",
            new.date, old.date
        )
    } else if old.scheme.id == new.scheme.id {
        format!(
            "version {} replaced version {}",
            new.scheme.version, old.scheme.version
        )
    } else {
        format!(
            "version {} replaced version {} of {}",
            new.scheme.version,
            old.scheme.version,
            c.say(&old.scheme.title)
        )
    };
    let _ = write!(
        page,
        "<p class=\"lead\">What would happen to the indicative budgets of {} people in {} if \
         {}.</p>\n\
         <p>Each person’s answers are worked out both ways and compared. The amounts are \
         indicative yearly budgets: a starting point for planning that can go up or down.</p>\n",
        count(summary.cases),
        esc(cases_file),
        esc(&change)
    );
}

fn overview(page: &mut String, summary: &Summary, money: &Money) {
    let (lose, same, gain) = summary.counts();
    let share = |n: u64| percent_of(n, summary.compared);
    let net = summary.new_total.saturating_sub(summary.old_total);
    let rows = [
        ("People compared", count(summary.compared)),
        (
            "Would lose money",
            format!("{} ({})", count(lose), share(lose)),
        ),
        (
            "Would gain money",
            format!("{} ({})", count(gain), share(gain)),
        ),
        (
            "Would stay the same",
            format!("{} ({})", count(same), share(same)),
        ),
        (
            "Would no longer be eligible",
            count(summary.no_longer_eligible),
        ),
        ("Would become eligible", count(summary.newly_eligible)),
        (
            "Need a conversation rather than an amount, now",
            count(summary.old_conversations),
        ),
        (
            "Need a conversation rather than an amount, after the change",
            count(summary.new_conversations),
        ),
        ("Could not be worked out", count(summary.problem_cases)),
        ("Yearly total now", money.of(summary.old_total)),
        ("Yearly total after the change", money.of(summary.new_total)),
        ("Change in the yearly total", money.signed(net)),
    ];
    page.push_str("<h2>Summary</h2>\n<dl class=\"summary\">\n");
    for (what, value) in rows {
        let _ = writeln!(page, "<div><dt>{what}</dt><dd>{}</dd></div>", esc(&value));
    }
    page.push_str("</dl>\n");
}

fn scheme_changes(page: &mut String, c: &Catalogue, old: &Version, new: &Version) {
    let changes = scheme_diff::changes(c, old, new);
    page.push_str("<h2>What changed in the scheme</h2>\n");
    if changes.is_empty() {
        page.push_str("<p>Nothing that the amounts depend on is different.</p>\n");
        return;
    }
    let (a, b) = side_names(old, new);
    let head = ["What".to_owned(), a, b];
    let rows = changes
        .into_iter()
        .map(|(what, a, b)| vec![what, a, b])
        .collect();
    table(
        page,
        "changes",
        "Changes between the two versions",
        &head,
        &[false, false, false],
        rows,
    );
}

fn steps(page: &mut String, summary: &Summary) {
    page.push_str("<h2>Which steps changed people’s budgets</h2>\n");
    let steps = summary.steps_by_cases();
    if steps.is_empty() {
        page.push_str("<p>No one’s budget changed.</p>\n");
        return;
    }
    page.push_str(
        "<p>For each person whose budget changed, the steps of the calculation where the change \
         started. A person can be counted under more than one step.</p>\n",
    );
    let head = [
        "Step".to_owned(),
        "People whose budget it changed".to_owned(),
    ];
    let rows = steps
        .into_iter()
        .map(|(label, n)| vec![label.to_owned(), count(n)])
        .collect();
    table(
        page,
        "steps",
        "Steps where changes started",
        &head,
        &[false, true],
        rows,
    );
}

fn distribution(page: &mut String, summary: &Summary) {
    page.push_str("<h2>How budgets would change</h2>\n");
    let described: Vec<String> = BUCKETS
        .iter()
        .zip(summary.buckets)
        .map(|(b, n)| format!("{}: {}", b.label, count(n)))
        .collect();
    let _ = write!(
        page,
        "<figure>\n<svg role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 {W} {H}\" \
         width=\"100%\" class=\"chart\">\n<title id=\"chart-title\">People by change in their yearly \
         budget</title>\n<desc id=\"chart-desc\">A bar chart of {} people compared. {}.</desc>\n",
        count(summary.compared),
        esc(&described.join("; "))
    );
    chart(page, &summary.buckets);
    page.push_str(
        "</svg>\n<figcaption>Changes as a share of each person’s current yearly budget. The table \
         below gives the same figures.</figcaption>\n</figure>\n",
    );
    let head = [
        "Change in yearly budget".to_owned(),
        "People".to_owned(),
        "Share".to_owned(),
    ];
    let rows = BUCKETS
        .iter()
        .zip(summary.buckets)
        .map(|(b, n)| {
            vec![
                b.label.to_owned(),
                count(n),
                percent_of(n, summary.compared),
            ]
        })
        .collect();
    table(
        page,
        "distribution",
        "People by change in yearly budget",
        &head,
        &[false, true, true],
        rows,
    );
}

const W: u32 = 760;
const H: u32 = 330;

/// The bars, with counts above and labels below.
fn chart(page: &mut String, buckets: &[u64; 10]) {
    let (left, top, plot_height, slot) = (10u32, 30u32, 220u64, 74u32);
    let most = buckets.iter().copied().max().unwrap_or(0).max(1);
    let base = top + plot_height as u32;
    for (i, (bucket, n)) in BUCKETS.iter().zip(buckets).enumerate() {
        let x = left + slot * i as u32 + 10;
        let height = u32::try_from(n * plot_height / most).unwrap_or(0);
        let colour = match bucket.kind {
            Kind::Loss => "#d4351c",
            Kind::Same => "#505a5f",
            Kind::Gain => "#00703c",
        };
        let (line1, line2) = match bucket.kind {
            Kind::Loss => ("lose", bucket.short),
            Kind::Same => ("no", "change"),
            Kind::Gain => ("gain", bucket.short),
        };
        let mid = x + 27;
        let _ = writeln!(
            page,
            "<rect x=\"{x}\" y=\"{}\" width=\"54\" height=\"{height}\" fill=\"{colour}\"/>\
             <text x=\"{mid}\" y=\"{}\" text-anchor=\"middle\">{}</text>\
             <text x=\"{mid}\" y=\"{}\" text-anchor=\"middle\">{line1}</text>\
             <text x=\"{mid}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            base - height,
            base - height - 8,
            count(*n),
            base + 24,
            base + 46,
            esc(line2)
        );
    }
    let _ = writeln!(
        page,
        "<line x1=\"{left}\" y1=\"{base}\" x2=\"{}\" y2=\"{base}\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>",
        W - left
    );
}

fn losses(page: &mut String, summary: &Summary, money: &Money, old: &Version, new: &Version) {
    page.push_str("<h2>Largest losses</h2>\n");
    let losses = summary.largest_losses();
    if losses.is_empty() {
        page.push_str("<p>No one would lose money.</p>\n");
        return;
    }
    let (a, b) = side_names(old, new);
    let _ = writeln!(
        page,
        "<p>The {} people who would lose the most, largest loss first.</p>",
        count(losses.len() as u64)
    );
    let head = [
        "Case".to_owned(),
        "Line".to_owned(),
        a,
        b,
        "Change".to_owned(),
        "Change as a share".to_owned(),
        "Where the change started".to_owned(),
    ];
    let rows = losses
        .into_iter()
        .map(|l| {
            vec![
                l.id.clone(),
                l.line.to_string(),
                money.of(l.old),
                money.of(l.new),
                money.signed(l.difference()),
                l.percent
                    .map_or_else(|| "–".to_owned(), |p| format!("{p}%")),
                l.changed_by.clone(),
            ]
        })
        .collect();
    let numeric = [false, true, true, true, true, true, false];
    table(
        page,
        "losses",
        "Largest losses in yearly budget",
        &head,
        &numeric,
        rows,
    );
}

fn problems(page: &mut String, c: &Catalogue, summary: &Summary, old: &Version, new: &Version) {
    if summary.problem_cases == 0 {
        return;
    }
    page.push_str("<h2>Cases that could not be worked out</h2>\n");
    let _ = writeln!(
        page,
        "<p>{} cases could not be worked out under one version or both, and are not in the figures \
         above. Each is listed with its problem in impact.csv.</p>",
        count(summary.problem_cases)
    );
    let head = [
        "Problem".to_owned(),
        "Where".to_owned(),
        "Under".to_owned(),
        "Cases".to_owned(),
    ];
    let under = |v: &str| {
        if v == "both" {
            "both versions".to_owned()
        } else {
            format!("version {v} only")
        }
    };
    let mut rows: Vec<Vec<String>> = summary
        .problems
        .iter()
        .map(|((version, code, path), n)| {
            vec![
                code.replace('_', " "),
                place(c, path, old, new),
                under(version),
                count(*n),
            ]
        })
        .collect();
    if summary.other_problems > 0 {
        rows.push(vec![
            "other problems".into(),
            "–".into(),
            "–".into(),
            count(summary.other_problems),
        ]);
    }
    table(
        page,
        "problems",
        "Problems by kind",
        &head,
        &[false, false, false, true],
        rows,
    );
}

/// Where in a row a problem is, in words: the question it is about, or the whole row.
fn place(c: &Catalogue, path: &str, old: &Version, new: &Version) -> String {
    let id = path
        .strip_prefix("/answers")
        .unwrap_or(path)
        .trim_start_matches('/');
    if id.is_empty() {
        return "the whole row".into();
    }
    match new.scheme.question(id).or_else(|| old.scheme.question(id)) {
        Some(q) => format!("\u{201c}{}\u{201d} ({id})", c.say(&q.text)),
        None => path.to_owned(),
    }
}

fn method(page: &mut String, c: &Catalogue, old: &Version, new: &Version) {
    let version = |v: &Version| {
        format!(
            "<li>Version {} of {} ({}), worked out for {}.</li>",
            esc(&v.scheme.version),
            esc(c.say(&v.scheme.title)),
            esc(&v.path),
            v.date
        )
    };
    let _ = write!(
        page,
        "<h2>How this report was made</h2>\n<ul>\n{}\n{}\n\
         <li>A change is counted as a share of the person’s current yearly budget; a change \
         exactly on a boundary, like a loss of 20%, is counted with the smaller changes.</li>\n\
         <li>Where a change started is found by comparing each person’s explanation under the \
         two versions, step by step, back from the yearly amount: a step is named when its own \
         values (a parameter, a band, the points an answer carries, a fixed amount or the \
         arithmetic) differ, when a threshold’s outcome differs, or when it was added or removed. \
         Steps that only pass a change on are not named.</li>\n</ul>\n",
        version(old),
        version(new)
    );
}

/// A table with a caption; `numeric` marks right-aligned columns. The first column heads
/// each row. A table with many columns scrolls on its own on a small screen, and can be
/// reached with the keyboard to scroll it.
pub(crate) fn table(
    page: &mut String,
    id: &str,
    caption: &str,
    head: &[String],
    numeric: &[bool],
    rows: Vec<Vec<String>>,
) {
    let class = |i: usize| {
        if numeric.get(i) == Some(&true) {
            " class=\"num\""
        } else {
            ""
        }
    };
    let wide = head.len() > 4;
    if wide {
        let _ = writeln!(page, "<div class=\"scroll\" role=\"region\" aria-labelledby=\"{id}-caption\" tabindex=\"0\">");
    }
    let _ = write!(
        page,
        "<table id=\"{id}\">\n<caption id=\"{id}-caption\">{}</caption>\n<thead><tr>",
        esc(caption)
    );
    for (i, h) in head.iter().enumerate() {
        let _ = write!(page, "<th scope=\"col\"{}>{}</th>", class(i), esc(h));
    }
    page.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        page.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(page, "<th scope=\"row\">{}</th>", esc(cell));
            } else {
                let _ = write!(page, "<td{}>{}</td>", class(i), esc(cell));
            }
        }
        page.push_str("</tr>\n");
    }
    page.push_str("</tbody>\n</table>\n");
    if wide {
        page.push_str("</div>\n");
    }
}

/// `n` as a share of `of`, to one decimal place.
fn percent_of(n: u64, of: u64) -> String {
    if of == 0 {
        return "–".into();
    }
    let tenths = (u128::from(n) * 1000 + u128::from(of) / 2) / u128::from(of);
    format!("{}.{}%", tenths / 10, tenths % 10)
}

/// Money in the report's words.
struct Money<'a> {
    words: &'a Catalogue,
    currency: Currency,
}

impl Money<'_> {
    /// An amount: `£1,768.00`.
    fn of(&self, value: Decimal) -> String {
        self.words.money(value, self.currency)
    }

    /// A change: `+£40.00`, `-£300.00`, `£0.00`.
    fn signed(&self, value: Decimal) -> String {
        let text = self.of(value);
        if value > Decimal::ZERO {
            format!("+{text}")
        } else {
            text
        }
    }
}

/// Text made safe for HTML.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// GOV.UK-like styles with the system's own fonts: nothing is fetched.
pub(crate) const CSS: &str = "
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif;font-size:1.1875rem;line-height:1.45;color:#0b0c0c;background:#fff}
.width{max-width:1020px;margin:0 auto;padding:0 15px}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{position:static;display:block;padding:10px 15px;background:#fd0;color:#0b0c0c;outline:3px solid #0b0c0c}
.banner{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8;padding:10px 0}
.banner p{margin:0}
.owner{font-weight:700;font-size:1.5rem}
h1{font-size:2.25rem;line-height:1.1;margin:40px 0 20px}
h2{font-size:1.5rem;line-height:1.2;margin:45px 0 15px}
.lead{font-size:1.375rem}
.summary{margin:0 0 20px;border-top:1px solid #b1b4b6}
.summary div{display:flex;flex-wrap:wrap;border-bottom:1px solid #b1b4b6;padding:10px 0}
.summary dt{flex:0 0 50%;font-weight:700;padding-right:20px}
.summary dd{margin:0}
.scroll{overflow-x:auto;margin:0 0 30px}
.scroll:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
table{border-collapse:collapse;width:100%;font-size:1rem;margin:0 0 30px}
.scroll table{margin:0}
caption{text-align:left;font-weight:700;font-size:1.125rem;padding:0 0 10px}
th,td{text-align:left;vertical-align:top;padding:10px 20px 10px 0;border-bottom:1px solid #b1b4b6}
th{font-weight:700}
.num{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:0 0 20px}
figcaption{color:#505a5f;font-size:1rem}
.chart{max-width:760px;height:auto;font-size:15px;font-family:inherit;fill:#0b0c0c}
.footer{border-top:1px solid #b1b4b6;margin-top:60px;padding:20px 0;font-size:1rem;color:#505a5f}
a:focus{outline:3px solid transparent;background:#fd0;color:#0b0c0c;box-shadow:0 4px #0b0c0c}
@media print{.banner{border-bottom-color:#0b0c0c}.scroll{overflow:visible}}
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text() {
        assert_eq!(
            esc("a <b> & \"c\" 'd'"),
            "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;"
        );
    }

    #[test]
    fn writes_shares_and_changes() {
        assert_eq!(percent_of(1, 3), "33.3%");
        assert_eq!(percent_of(2, 3), "66.7%");
        assert_eq!(percent_of(0, 0), "–");
        let words = crate::words::staff().ok().unwrap();
        let money = Money {
            words: &words,
            currency: Currency::GBP,
        };
        assert_eq!(money.signed("40".parse().unwrap()), "+£40.00");
        assert_eq!(money.signed("-300.00".parse().unwrap()), "-£300.00");
        assert_eq!(money.signed(Decimal::ZERO), "£0.00");
    }
}
