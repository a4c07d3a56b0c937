//! The explanation as plain text a person reads, for the command line and print.

use crate::estimate::Estimate;
use crate::explain::{show, Source};
use crate::scheme::{Period, Unit};

/// Writes an estimate as numbered steps in plain English.
pub fn to_text(e: &Estimate, symbol: &str) -> String {
    let mut out = String::new();
    let s = &e.scheme;
    let until = s.applies_to.map_or(String::new(), |d| format!(" to {d}"));
    out.push_str(&format!(
        "{} ({}), version {}\n",
        s.title, s.owner, s.version
    ));
    out.push_str(&format!(
        "Applies from {}{until}. Worked out for {}.\n\n",
        s.applies_from, e.date
    ));
    let money = |m: crate::amount::Money| show(m.0, Unit::Money, symbol);
    if !e.eligible {
        out.push_str("On these answers, no budget is indicated.\n");
    } else if e.period == Period::OneOff {
        out.push_str(&format!(
            "Your indicative one-off payment: {}\n",
            money(e.annual)
        ));
    } else {
        out.push_str(&format!(
            "Your indicative budget: {} a year",
            money(e.annual)
        ));
        if let Some(w) = e.weekly {
            out.push_str(&format!(" ({} a week)", money(w)));
        }
        out.push('\n');
    }
    out.push_str("\nHow we worked this out\n");
    for (i, step) in e.explanation.iter().enumerate() {
        out.push_str(&format!("{:>3}. {}: {}\n", i + 1, step.label, step.text));
        if let Some(d) = &step.description {
            out.push_str(&format!("     {d}\n"));
        }
        if let Some(r) = &step.reason {
            out.push_str(&format!("     Reason: {r}\n"));
        }
        for input in &step.inputs {
            if let Source::Parameter {
                from,
                to,
                band,
                reference,
                ..
            } = &input.source
            {
                let band = band
                    .as_ref()
                    .map_or(String::new(), |b| format!(", band {b}"));
                let to = to.map_or(String::new(), |d| format!(" to {d}"));
                let source = reference
                    .as_ref()
                    .map_or(String::new(), |r| format!(" ({})", r.title));
                out.push_str(&format!(
                    "     {} {}{band}: in force from {from}{to}{source}\n",
                    input.label,
                    show(input.value, input.unit, symbol)
                ));
            }
        }
    }
    let sections: Vec<_> = e
        .sections
        .iter()
        .filter(|s| !s.points.0.is_zero() || s.amount.is_some())
        .collect();
    if !sections.is_empty() {
        out.push_str("\nBy life area\n");
        for sec in sections {
            let amount = sec
                .amount
                .map_or(String::new(), |a| format!(", {}", money(a)));
            out.push_str(&format!("  {}: {} points{amount}\n", sec.title, sec.points));
        }
    }
    for n in &e.notices {
        out.push_str(&format!("\nNote: {}\n", n.message));
    }
    out
}
