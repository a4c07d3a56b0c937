//! What a person reads for the ids and values in a plan: a life area's or category's name
//! from the scheme, and who pays, how often and how the money is held from the catalogue
//! (or, for ways of holding the money, the scheme's own label).

use crate::text::text;
use waymark_engine::plan::{area_ids, Frequency, HoldingKind, Payer};
use waymark_engine::Scheme;

/// The life areas goals can belong to, as (id, name), in the scheme's order.
pub fn areas(scheme: &Scheme) -> Vec<(String, String)> {
    let t = text();
    let rules = scheme.plan.as_ref().filter(|r| !r.areas.is_empty());
    match rules {
        Some(rules) => rules
            .areas
            .iter()
            .map(|a| (a.id.clone(), t.say(&a.label).to_owned()))
            .collect(),
        None => area_ids(scheme)
            .filter_map(|id| scheme.section(id))
            .map(|s| (s.id.clone(), t.say(&s.title).to_owned()))
            .collect(),
    }
}

/// A life area's name, or its id when the scheme has no such area.
pub fn area(scheme: &Scheme, id: &str) -> String {
    areas(scheme)
        .into_iter()
        .find(|(area, _)| area == id)
        .map_or_else(|| id.to_owned(), |(_, name)| name)
}

/// A category's name, or its id when the scheme has no such category.
pub fn category(scheme: &Scheme, id: &str) -> String {
    waymark_words::plan::category_name(text(), scheme, id)
}

/// Who pays, as a person reads it.
pub fn payer(payer: Payer) -> &'static str {
    waymark_words::plan::payer_name(text(), payer)
}

/// Every payer, in the order offered.
pub const PAYERS: [Payer; 4] = [
    Payer::Budget,
    Payer::FamilyFriends,
    Payer::Community,
    Payer::Universal,
];

/// How often, as a person reads it.
pub fn frequency(frequency: Frequency) -> &'static str {
    let t = &text().plan;
    match frequency {
        Frequency::Once => &t.frequency_once,
        Frequency::Weekly => &t.frequency_weekly,
        Frequency::Monthly => &t.frequency_monthly,
        Frequency::Yearly => &t.frequency_yearly,
    }
}

/// Every frequency, in the order offered.
pub const FREQUENCIES: [Frequency; 4] = [
    Frequency::Weekly,
    Frequency::Monthly,
    Frequency::Yearly,
    Frequency::Once,
];

/// A way of holding the money: the scheme's label, or the catalogue's name for a split
/// (and the value's own name for a way the scheme does not offer).
pub fn holding(scheme: &Scheme, kind: HoldingKind) -> String {
    let t = text();
    if kind == HoldingKind::Split {
        return t.plan.holding_split_label.clone();
    }
    scheme
        .plan
        .as_ref()
        .and_then(|r| r.holding.iter().find(|h| h.kind == kind))
        .map_or_else(
            || super::read::name_of(&kind),
            |h| t.say(&h.label).to_owned(),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::testing::scheme;

    #[test]
    fn names_come_from_the_scheme_or_the_catalogue() {
        let scheme = scheme();
        assert_eq!(areas(&scheme), [("home".to_owned(), "Home".to_owned())]);
        assert_eq!(area(&scheme, "home"), "Home");
        assert_eq!(area(&scheme, "moon"), "moon");
        assert_eq!(category(&scheme, "gym"), "Gym");
        assert_eq!(payer(Payer::Community), "A community group, for free");
        assert_eq!(frequency(Frequency::Monthly), "Every month");
        assert_eq!(holding(&scheme, HoldingKind::Council), "C");
        assert_eq!(holding(&scheme, HoldingKind::ThirdParty), "third_party");
    }
}
