//! The id of every field on the plan's pages. A field's name is its id, as in GOV.UK; a
//! date's parts are `{id}-day`, `{id}-month` and `{id}-year`; radios and checkboxes number
//! every item after the first (`support-goals-2`), so links to a group reach its first item.

/// A goal, in the person's words.
pub const GOAL_TEXT: &str = "goal-text";
/// A goal's life area (radios).
pub const GOAL_AREA: &str = "goal-area";
/// How the person will know a goal is working.
pub const GOAL_MEASURE: &str = "goal-measure";

/// What a support is.
pub const SUPPORT_DESCRIPTION: &str = "support-description";
/// A support's category (radios).
pub const SUPPORT_CATEGORY: &str = "support-category";
/// Who pays for a support (radios).
pub const SUPPORT_PAYER: &str = "support-payer";
/// What one unit of a support costs.
pub const SUPPORT_AMOUNT: &str = "support-amount";
/// How many units each time.
pub const SUPPORT_UNITS: &str = "support-units";
/// Whether a paid support pays a close relative in the household (yes/no radios).
pub const SUPPORT_RELATIVE: &str = "support-relative";
/// How often a support happens (radios).
pub const SUPPORT_FREQUENCY: &str = "support-frequency";
/// When a support starts (a date).
pub const SUPPORT_STARTS: &str = "support-starts";
/// When a support ends (a date).
pub const SUPPORT_ENDS: &str = "support-ends";
/// The goals a support serves (checkboxes).
pub const SUPPORT_GOALS: &str = "support-goals";

/// Money kept aside.
pub const CONTINGENCY_AMOUNT: &str = "contingency-amount";
/// When the money kept aside would be used.
pub const CONTINGENCY_WHEN: &str = "contingency-when";

/// Who to contact in a crisis.
pub const CRISIS_CONTACTS: &str = "crisis-contacts";
/// What helps in a crisis.
pub const CRISIS_HELPS: &str = "crisis-helps";
/// What does not help in a crisis.
pub const CRISIS_DOES_NOT_HELP: &str = "crisis-does-not-help";
/// Other preferences in a crisis.
pub const CRISIS_PREFERENCES: &str = "crisis-preferences";

/// Risks, and how they are managed.
pub const RISKS: &str = "risks";
/// What happens if a support does not turn up.
pub const IF_SUPPORT_FAILS: &str = "if-support-fails";

/// How the money is held (radios).
pub const HOLDING_KIND: &str = "holding-kind";
/// The value of the holding radio for a split between ways.
pub const HOLDING_SPLIT: &str = "split";

/// Who helped to plan, one a line.
pub const HELPERS: &str = "helpers";

/// When the plan starts (a date).
pub const PLAN_STARTS: &str = "plan-starts";
/// When the plan ends (a date).
pub const PLAN_ENDS: &str = "plan-ends";
/// When the plan is reviewed (a date).
pub const PLAN_REVIEW: &str = "plan-review";

/// The id of one part of a date input: `plan-starts-day`.
pub fn date_part(id: &str, part: DatePart) -> String {
    format!("{id}-{}", part.name())
}

/// The id of a split holding's amount for one way: `holding-split-council`.
pub fn holding_split(kind: &str) -> String {
    format!("{HOLDING_KIND}-{HOLDING_SPLIT}-{kind}")
}

/// The id of the `n`th item (from 0) of a radio or checkbox group.
pub fn item(id: &str, n: usize) -> String {
    if n == 0 {
        id.to_owned()
    } else {
        format!("{id}-{}", n + 1)
    }
}

/// A part of a date input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    /// The day of the month.
    Day,
    /// The month, as a number.
    Month,
    /// The year, four digits.
    Year,
}

impl DatePart {
    /// Every part, in the order shown.
    pub const ALL: [DatePart; 3] = [DatePart::Day, DatePart::Month, DatePart::Year];

    /// The part's name in ids.
    pub fn name(self) -> &'static str {
        match self {
            DatePart::Day => "day",
            DatePart::Month => "month",
            DatePart::Year => "year",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_gov_uk_conventions() {
        assert_eq!(date_part(PLAN_STARTS, DatePart::Day), "plan-starts-day");
        assert_eq!(item(SUPPORT_GOALS, 0), "support-goals");
        assert_eq!(item(SUPPORT_GOALS, 1), "support-goals-2");
        assert_eq!(holding_split("council"), "holding-kind-split-council");
    }
}
