//! The summary of an impact run, built one case at a time in bounded memory: counts, a
//! histogram of changes, the largest losses and which steps changed budgets.

use crate::progress::count;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BinaryHeap};
use waymark_engine::amount::RoundingRule;
use waymark_engine::{Decimal, Figures, Issue, Rounding};

/// How many of the largest losses are kept.
pub const LARGEST: usize = 10;
/// How many different kinds of problem are counted separately.
const KINDS: usize = 50;

/// The amounts of one estimate.
#[derive(Clone, Copy)]
pub struct Amounts {
    /// Whether the person is eligible.
    pub eligible: bool,
    /// Whether the answers need a conversation with the council rather than an amount.
    pub conversation: bool,
    /// The yearly amount.
    pub annual: Decimal,
    /// The weekly amount, if the scheme has one.
    pub weekly: Option<Decimal>,
}

impl Amounts {
    /// The amounts of an estimate.
    pub fn of(e: &Figures) -> Amounts {
        Amounts {
            eligible: e.eligible,
            conversation: e.conversation,
            annual: e.annual.0,
            weekly: e.weekly.map(|w| w.0),
        }
    }
}

/// One case compared under two versions.
pub struct Case {
    /// The case's id.
    pub id: String,
    /// The line it was read from.
    pub line: u64,
    /// Its amounts under the old version, if they could be worked out.
    pub before: Option<Amounts>,
    /// Its amounts under the new version, if they could be worked out.
    pub after: Option<Amounts>,
    /// The labels of the steps where the change started.
    pub changed_by: Vec<String>,
    /// What stopped either estimate, each with the versions it was found under: a version
    /// name, or `both`.
    pub problems: Vec<(String, Issue)>,
    /// Its row of the CSV.
    pub csv: String,
}

impl Case {
    /// New yearly amount minus old, when both are known: a case that needs a conversation
    /// under either version has no amount to compare.
    pub fn difference(&self) -> Option<Decimal> {
        let (before, after) = (self.before?, self.after?);
        if before.conversation || after.conversation {
            return None;
        }
        after.annual.checked_sub(before.annual)
    }

    /// The difference as a percentage of the old yearly amount, to one decimal place; none
    /// when the old amount was nothing.
    pub fn percent(&self) -> Option<Decimal> {
        let old = self.before?.annual;
        if old <= Decimal::ZERO {
            return None;
        }
        let share = self
            .difference()?
            .checked_mul(Decimal::ONE_HUNDRED)?
            .checked_div(old)?;
        Some(
            Rounding {
                places: 1,
                strategy: RoundingRule::HalfUp,
            }
            .apply(share),
        )
    }
}

/// A band of the histogram of changes.
pub struct Bucket {
    /// What the band holds, in words.
    pub label: &'static str,
    /// A short label for the chart.
    pub short: &'static str,
    /// Whether it is a loss, no change or a gain.
    pub kind: Kind,
}

/// Which way a change goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Less money.
    Loss,
    /// The same.
    Same,
    /// More money.
    Gain,
}

/// The histogram's bands, from the largest loss to the largest gain. A change on a
/// boundary belongs to the band of smaller changes.
pub const BUCKETS: [Bucket; 10] = [
    Bucket {
        label: "Lose more than 20%",
        short: "over 20%",
        kind: Kind::Loss,
    },
    Bucket {
        label: "Lose more than 10%, up to 20%",
        short: "10–20%",
        kind: Kind::Loss,
    },
    Bucket {
        label: "Lose more than 5%, up to 10%",
        short: "5–10%",
        kind: Kind::Loss,
    },
    Bucket {
        label: "Lose up to 5%",
        short: "up to 5%",
        kind: Kind::Loss,
    },
    Bucket {
        label: "No change",
        short: "none",
        kind: Kind::Same,
    },
    Bucket {
        label: "Gain up to 5%",
        short: "up to 5%",
        kind: Kind::Gain,
    },
    Bucket {
        label: "Gain more than 5%, up to 10%",
        short: "5–10%",
        kind: Kind::Gain,
    },
    Bucket {
        label: "Gain more than 10%, up to 20%",
        short: "10–20%",
        kind: Kind::Gain,
    },
    Bucket {
        label: "Gain more than 20%",
        short: "over 20%",
        kind: Kind::Gain,
    },
    Bucket {
        label: "Gain from nothing",
        short: "from £0",
        kind: Kind::Gain,
    },
];

/// The band of a change of `difference` from `old`.
fn bucket(old: Decimal, difference: Decimal) -> usize {
    if difference.is_zero() {
        return 4;
    }
    if old <= Decimal::ZERO {
        return if difference > Decimal::ZERO { 9 } else { 0 };
    }
    // A change too large to divide out is certainly over 20%.
    let percent = difference
        .saturating_mul(Decimal::ONE_HUNDRED)
        .checked_div(old)
        .unwrap_or(if difference < Decimal::ZERO {
            Decimal::MIN
        } else {
            Decimal::MAX
        });
    let (twenty, ten, five) = (Decimal::from(20), Decimal::TEN, Decimal::from(5));
    if difference < Decimal::ZERO {
        match -percent {
            p if p > twenty => 0,
            p if p > ten => 1,
            p if p > five => 2,
            _ => 3,
        }
    } else {
        match percent {
            p if p > twenty => 8,
            p if p > ten => 7,
            p if p > five => 6,
            _ => 5,
        }
    }
}

/// One of the largest losses.
pub struct Loss {
    /// The case's id.
    pub id: String,
    /// The line it was read from.
    pub line: u64,
    /// The old yearly amount.
    pub old: Decimal,
    /// The new yearly amount.
    pub new: Decimal,
    /// The change as a percentage of the old amount.
    pub percent: Option<Decimal>,
    /// The steps where the change started.
    pub changed_by: String,
    order: u64,
}

impl Loss {
    /// New minus old.
    pub fn difference(&self) -> Decimal {
        self.new.saturating_sub(self.old)
    }
}

impl PartialEq for Loss {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Loss {}

impl PartialOrd for Loss {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The smallest loss (and, among equal losses, the later case) is the greatest, so it is
/// the one a full heap lets go.
impl Ord for Loss {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.difference(), self.order).cmp(&(other.difference(), other.order))
    }
}

/// The summary of an impact run.
#[derive(Default)]
pub struct Summary {
    /// Cases read.
    pub cases: u64,
    /// Cases worked out under both versions.
    pub compared: u64,
    /// Cases per band of [`BUCKETS`].
    pub buckets: [u64; 10],
    /// Cases eligible only under the new version.
    pub newly_eligible: u64,
    /// Cases eligible only under the old version.
    pub no_longer_eligible: u64,
    /// Cases that need a conversation rather than an amount under the old version.
    pub old_conversations: u64,
    /// Cases that need a conversation rather than an amount under the new version.
    pub new_conversations: u64,
    /// The old yearly amounts of compared cases, added up.
    pub old_total: Decimal,
    /// The new yearly amounts of compared cases, added up.
    pub new_total: Decimal,
    losses: BinaryHeap<Loss>,
    /// For each step named as changing someone's amount: its label and how many cases.
    pub steps: Vec<(String, u64)>,
    /// Cases that could not be worked out under either version.
    pub problem_cases: u64,
    /// Problems by the versions they were found under, code and path, with how many cases
    /// had them.
    pub problems: BTreeMap<(String, String, String), u64>,
    /// Cases whose problems were not counted by kind, because there were too many kinds.
    pub other_problems: u64,
}

impl Summary {
    /// Adds a case.
    pub fn add(&mut self, case: Case) {
        self.cases += 1;
        if !case.problems.is_empty() {
            self.problem_cases += 1;
            for (version, issue) in &case.problems {
                let key = (version.clone(), issue.code.clone(), issue.path.clone());
                let kinds = self.problems.len();
                match self.problems.get_mut(&key) {
                    Some(n) => *n += 1,
                    None if kinds < KINDS => {
                        self.problems.insert(key, 1);
                    }
                    None => self.other_problems += 1,
                }
            }
        }
        let conversations = |a: Option<Amounts>| u64::from(a.is_some_and(|a| a.conversation));
        self.old_conversations += conversations(case.before);
        self.new_conversations += conversations(case.after);
        let (Some(before), Some(after), Some(difference)) =
            (case.before, case.after, case.difference())
        else {
            return;
        };
        self.compared += 1;
        self.old_total = self.old_total.saturating_add(before.annual);
        self.new_total = self.new_total.saturating_add(after.annual);
        self.buckets[bucket(before.annual, difference)] += 1;
        match (before.eligible, after.eligible) {
            (false, true) => self.newly_eligible += 1,
            (true, false) => self.no_longer_eligible += 1,
            _ => {}
        }
        if !difference.is_zero() {
            for label in &case.changed_by {
                match self.steps.iter_mut().find(|(l, _)| l == label) {
                    Some((_, n)) => *n += 1,
                    None => self.steps.push((label.clone(), 1)),
                }
            }
        }
        if difference < Decimal::ZERO {
            let percent = case.percent();
            self.losses.push(Loss {
                id: case.id,
                line: case.line,
                old: before.annual,
                new: after.annual,
                percent,
                changed_by: case.changed_by.join("; "),
                order: self.cases,
            });
            if self.losses.len() > LARGEST {
                self.losses.pop();
            }
        }
    }

    /// Cases that would lose, stay the same and gain.
    pub fn counts(&self) -> (u64, u64, u64) {
        let of = |kind| {
            BUCKETS
                .iter()
                .zip(self.buckets)
                .filter(|(b, _)| b.kind == kind)
                .map(|(_, n)| n)
                .sum()
        };
        (of(Kind::Loss), of(Kind::Same), of(Kind::Gain))
    }

    /// The largest losses, largest first.
    pub fn largest_losses(&self) -> Vec<&Loss> {
        let mut out: Vec<&Loss> = self.losses.iter().collect();
        out.sort();
        out
    }

    /// The steps that changed budgets, most cases first.
    pub fn steps_by_cases(&self) -> Vec<(&str, u64)> {
        let mut out: Vec<(&str, u64)> = self.steps.iter().map(|(l, n)| (l.as_str(), *n)).collect();
        out.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        out
    }

    /// One line: how many cases gain, lose, stay the same and could not be worked out.
    pub fn headline(&self) -> String {
        let (lose, same, gain) = self.counts();
        format!(
            "{} cases: {} gain, {} lose, {} no change, {} could not be worked out",
            count(self.cases),
            count(gain),
            count(lose),
            count(same),
            count(self.problem_cases)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn a_change_on_a_boundary_belongs_to_the_smaller_band() {
        assert_eq!(bucket(d("1000"), d("-200")), 1);
        assert_eq!(bucket(d("1000"), d("-200.01")), 0);
        assert_eq!(bucket(d("1000"), d("-100")), 2);
        assert_eq!(bucket(d("1000"), d("-50")), 3);
        assert_eq!(bucket(d("1000"), d("-0.01")), 3);
        assert_eq!(bucket(d("1000"), d("0")), 4);
        assert_eq!(bucket(d("0"), d("0")), 4);
        assert_eq!(bucket(d("1000"), d("50")), 5);
        assert_eq!(bucket(d("1000"), d("50.01")), 6);
        assert_eq!(bucket(d("1000"), d("200.01")), 8);
        assert_eq!(bucket(d("0"), d("10")), 9);
    }

    fn case(n: u64, old: &str, new: &str) -> Case {
        let amounts = |a: &str| {
            Some(Amounts {
                eligible: true,
                conversation: false,
                annual: d(a),
                weekly: None,
            })
        };
        Case {
            id: format!("C{n}"),
            line: n,
            before: amounts(old),
            after: amounts(new),
            changed_by: vec!["Price".into()],
            problems: Vec::new(),
            csv: String::new(),
        }
    }

    #[test]
    fn keeps_only_the_largest_losses_in_order() {
        let mut s = Summary::default();
        for n in 0..100 {
            s.add(case(n, "1000.00", &format!("{}.00", 1000 - (n % 30))));
        }
        let losses = s.largest_losses();
        assert_eq!(losses.len(), LARGEST);
        let got: Vec<(&str, String)> = losses
            .iter()
            .map(|l| (l.id.as_str(), l.difference().to_string()))
            .collect();
        assert_eq!(got[0], ("C29", "-29.00".to_owned()));
        assert_eq!(got[1], ("C59", "-29.00".to_owned()));
        assert_eq!(got[2], ("C89", "-29.00".to_owned()));
        assert_eq!(got[3], ("C28", "-28.00".to_owned()));
        assert_eq!(s.counts(), (96, 4, 0));
        assert_eq!(s.steps_by_cases(), [("Price", 96)]);
        assert_eq!(s.old_total, d("100000.00"));
    }
}
