//! A small scheme with plan rules, for the plan's tests.

use serde_json::json;
use waymark_engine::Scheme;

/// One yes/no question worth one point at £3,650.00 a point; life area `home`; kinds of
/// support `gym` and `friends`; money held as a direct payment or by the council; one
/// check, that every paid support serves a goal.
pub fn scheme() -> Scheme {
    let scheme = json!({
        "id": "t", "version": "1", "title": "T", "owner": "O",
        "applies_from": "2026-04-01", "currency": "GBP", "period": "annual",
        "weeks_per_year": "52", "rounding": {"places": 2, "strategy": "half_up"},
        "text": {"introduction": "i", "next_steps": "n", "not_eligible": "x"},
        "sections": [{"id": "home", "title": "Home", "questions": [
            {"id": "a", "text": "A?", "answer": {"yes_no": {"yes": 1, "no": 0}}}]}],
        "allocation": {"steps": [
            {"id": "points", "label": "Points", "calc": {"points": {}}},
            {"id": "money", "label": "Money", "calc": {"product": ["points", {"money": "3650.00"}]}}
        ], "result": "money"},
        "plan": {
            "rounding": {"places": 2, "strategy": "half_up"},
            "categories": [{"id": "gym", "label": "Gym"}, {"id": "friends", "label": "Friends"}],
            "holding": [{"kind": "direct_payment", "label": "DP"}, {"kind": "council", "label": "C"}],
            "checks": [{"code": "unlinked", "severity": "blocks", "message": "Link it",
                        "rule": {"unlinked_support": {}}}]
        }
    });
    match Scheme::from_json(&scheme.to_string()) {
        Ok(scheme) => scheme,
        Err(issues) => panic!("the test scheme is broken: {issues:?}"),
    }
}

/// A directory for the plan's test scheme: a paid gym, a free friendship group online,
/// and a service of no kind the scheme has.
pub fn directory() -> String {
    json!({
        "format": "waymark-directory", "version": 1, "language": "en",
        "source": {"standard": "oruk-1.0", "imported": "2026-05-01", "complete": true},
        "organisations": ["Vale Leisure"],
        "entries": [
            {"name": "Pool and gym", "organisation": 0, "categories": ["gym"],
             "costs": [{"amount": "30.00", "per": "a month", "frequency": "monthly"},
                       {"amount": "4.50", "per": "a swim", "frequency": "weekly"}],
             "delivery": ["in_person"]},
            {"name": "Friendship calls", "categories": ["friends"], "delivery": ["online"]},
            {"name": "Quiet hour", "description": "A quiet hour at the pool"}
        ]
    })
    .to_string()
}
