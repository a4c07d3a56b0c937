//! Where on the plan's pages a finding or issue belongs: the engine names the part of the
//! plan by JSON Pointer (`/supports/2/goals`), and this module turns that into the page
//! and the field a person changes, so each one can link straight there.

use super::ids::{self, DatePart};
use super::route::{Item, PlanPage};
use crate::answer::FieldError;
use crate::text::{fill, text};
use waymark_engine::plan::Plan;
use waymark_engine::{limits, Decimal, Issue};

/// A page and, when there is one, the field on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The page.
    pub page: PlanPage,
    /// The field's id.
    pub field: Option<String>,
}

impl Target {
    fn page(page: PlanPage) -> Target {
        Target { page, field: None }
    }

    fn at(page: PlanPage, field: &str) -> Target {
        Target {
            page,
            field: Some(field.to_owned()),
        }
    }
}

/// The page and field for a JSON Pointer into `plan`. Pointers to a goal or support that
/// is not in the plan lead to the list it would be in.
pub fn locate(path: &str, plan: &Plan) -> Target {
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let day = |id: &str| ids::date_part(id, DatePart::Day);
    match segments.as_slice() {
        ["goals", index, ..] => match index.parse::<usize>().ok().and_then(|i| plan.goals.get(i)) {
            Some(goal) => {
                let field = if segments.get(2) == Some(&"area") {
                    ids::GOAL_AREA
                } else {
                    ids::GOAL_TEXT
                };
                Target::at(PlanPage::Goal(Item::Existing(goal.id.clone())), field)
            }
            None => Target::page(PlanPage::Goals),
        },
        ["supports", index, rest @ ..] => {
            let Some(support) = index
                .parse::<usize>()
                .ok()
                .and_then(|i| plan.supports.get(i))
            else {
                return Target::page(PlanPage::Supports);
            };
            let field = match rest.first().copied() {
                Some("goals") => ids::SUPPORT_GOALS.to_owned(),
                Some("category") => ids::SUPPORT_CATEGORY.to_owned(),
                Some("relative_in_household") => ids::SUPPORT_RELATIVE.to_owned(),
                Some("starts") => day(ids::SUPPORT_STARTS),
                Some("ends") => day(ids::SUPPORT_ENDS),
                Some("amount") => ids::SUPPORT_AMOUNT.to_owned(),
                Some("units") => ids::SUPPORT_UNITS.to_owned(),
                Some("frequency") => ids::SUPPORT_FREQUENCY.to_owned(),
                Some("payer") => ids::SUPPORT_PAYER.to_owned(),
                _ => ids::SUPPORT_DESCRIPTION.to_owned(),
            };
            Target::at(
                PlanPage::Support(Item::Existing(support.id.clone())),
                &field,
            )
        }
        ["goals"] => Target::page(PlanPage::Goals),
        ["supports"] => Target::page(PlanPage::Supports),
        ["contingency", "when"] => Target::at(PlanPage::Contingency, ids::CONTINGENCY_WHEN),
        ["contingency"] if plan.contingency.is_some() => {
            Target::at(PlanPage::Contingency, ids::CONTINGENCY_WHEN)
        }
        ["contingency", ..] => Target::at(PlanPage::Contingency, ids::CONTINGENCY_AMOUNT),
        ["crisis", ..] => Target::at(PlanPage::Crisis, ids::CRISIS_CONTACTS),
        ["risks"] if plan.risks.is_some() => Target::at(PlanPage::Risks, ids::IF_SUPPORT_FAILS),
        ["risks", ..] => Target::at(PlanPage::Risks, ids::RISKS),
        ["if_support_fails"] => Target::at(PlanPage::Risks, ids::IF_SUPPORT_FAILS),
        ["holding", "split", index, ..] => {
            let kind = index
                .parse::<usize>()
                .ok()
                .and_then(|i| plan.holding.as_ref()?.split.get(i))
                .map(|part| super::read::name_of(&part.kind));
            match kind {
                Some(kind) => Target::at(PlanPage::Holding, &ids::holding_split(&kind)),
                None => Target::at(PlanPage::Holding, ids::HOLDING_KIND),
            }
        }
        ["holding", ..] => Target::at(PlanPage::Holding, ids::HOLDING_KIND),
        ["helpers", ..] => Target::at(PlanPage::Helpers, ids::HELPERS),
        ["starts"] => Target::at(PlanPage::Dates, &day(ids::PLAN_STARTS)),
        ["ends"] => Target::at(PlanPage::Dates, &day(ids::PLAN_ENDS)),
        ["review"] => Target::at(PlanPage::Dates, &day(ids::PLAN_REVIEW)),
        _ => Target::page(PlanPage::Tasks),
    }
}

/// What to tell a person about an issue (a problem with the plan's structure), in the
/// catalogue's words; `named` is the goal or support it is about, when the person is on
/// another page and needs to know which.
pub fn issue_message(issue: &Issue, named: Option<&str>) -> String {
    let t = &text().plan;
    match (issue.code.as_str(), named) {
        ("outside_plan", Some(name)) => fill(&t.issue_outside_plan_named, &[("support", name)]),
        ("outside_plan", None) => t.issue_outside_plan.clone(),
        ("invalid_dates", _) if issue.path == "/ends" => t.plan_ends_before_starts.clone(),
        ("invalid_dates", _) => t.issue_invalid_dates.clone(),
        ("unknown_area", _) => t.issue_unknown_area.clone(),
        ("unknown_category", _) => t.issue_unknown_category.clone(),
        ("unknown_goal", _) => t.issue_unknown_goal.clone(),
        ("arithmetic_overflow", _) => t.issue_too_large.clone(),
        ("too_many", _) if issue.path == "/goals" => {
            let most = text().number(Decimal::from(limits::PLAN_GOALS));
            fill(&t.issue_too_many_goals, &[("most", &most)])
        }
        ("too_many", _) => {
            let most = text().number(Decimal::from(limits::PLAN_SUPPORTS));
            fill(&t.issue_too_many_supports, &[("most", &most)])
        }
        _ => t.issue_other.clone(),
    }
}

/// The name of the goal or support a pointer is about, if it is about one.
pub fn item_name<'a>(path: &str, plan: &'a Plan) -> Option<&'a str> {
    let mut segments = path.split('/').skip(1);
    let list = segments.next()?;
    let index: usize = segments.next()?.parse().ok()?;
    match list {
        "goals" => plan.goals.get(index).map(|g| g.text.as_str()),
        "supports" => plan.supports.get(index).map(|s| s.description.as_str()),
        _ => None,
    }
}

/// An issue as an error on a field of `page`: on its own field when the issue is about
/// that page, otherwise on `fallback` (the page's main field) naming what it is about.
pub fn issue_error(issue: &Issue, plan: &Plan, page: &PlanPage, fallback: &str) -> FieldError {
    let target = locate(&issue.path, plan);
    match target.field {
        Some(field) if &target.page == page => FieldError {
            field,
            message: issue_message(issue, None),
        },
        _ => FieldError {
            field: fallback.to_owned(),
            message: issue_message(issue, item_name(&issue.path, plan)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::budget::new_plan;
    use waymark_engine::plan::{Contingency, Frequency, Goal, Payer, Support};
    use waymark_engine::{Money, Number};

    fn plan() -> Plan {
        let mut plan = new_plan("2026-06-01".parse().unwrap());
        plan.goals.push(Goal {
            id: "swim".into(),
            text: "Swim again".into(),
            area: "home".into(),
            measure: String::new(),
        });
        plan.supports.push(Support {
            id: "pool".into(),
            description: "Pool pass".into(),
            category: "gym".into(),
            amount: Money(Decimal::TEN),
            units: Number(Decimal::ONE),
            frequency: Frequency::Weekly,
            starts: None,
            ends: None,
            goals: Vec::new(),
            payer: Payer::Budget,
            relative_in_household: false,
        });
        plan
    }

    fn check(path: &str, page: PlanPage, field: Option<&str>) {
        let target = locate(path, &plan());
        assert_eq!(target.page, page, "{path}");
        assert_eq!(target.field.as_deref(), field, "{path}");
    }

    #[test]
    fn every_finding_path_leads_to_its_field() {
        let goal = || PlanPage::Goal(Item::Existing("swim".into()));
        let support = || PlanPage::Support(Item::Existing("pool".into()));
        check("/goals/0", goal(), Some("goal-text"));
        check("/goals/0/area", goal(), Some("goal-area"));
        check("/goals/7", PlanPage::Goals, None);
        check("/goals", PlanPage::Goals, None);
        check("/supports", PlanPage::Supports, None);
        check("/supports/0/goals", support(), Some("support-goals"));
        check("/supports/0/goals/1", support(), Some("support-goals"));
        check("/supports/0/category", support(), Some("support-category"));
        check(
            "/supports/0/relative_in_household",
            support(),
            Some("support-relative"),
        );
        check("/supports/0/starts", support(), Some("support-starts-day"));
        check("/supports/0/ends", support(), Some("support-ends-day"));
        check("/supports/0", support(), Some("support-description"));
        check("/supports/3/goals", PlanPage::Supports, None);
        check(
            "/contingency",
            PlanPage::Contingency,
            Some("contingency-amount"),
        );
        check(
            "/contingency/amount",
            PlanPage::Contingency,
            Some("contingency-amount"),
        );
        check("/crisis", PlanPage::Crisis, Some("crisis-contacts"));
        check("/risks", PlanPage::Risks, Some("risks"));
        check("/holding", PlanPage::Holding, Some("holding-kind"));
        check(
            "/holding/split/0/kind",
            PlanPage::Holding,
            Some("holding-kind"),
        );
        check("/helpers", PlanPage::Helpers, Some("helpers"));
        check("/review", PlanPage::Dates, Some("plan-review-day"));
        check("/ends", PlanPage::Dates, Some("plan-ends-day"));
        check("/nowhere", PlanPage::Tasks, None);
    }

    #[test]
    fn a_required_part_leads_to_what_is_missing() {
        let mut plan = plan();
        plan.contingency = Some(Contingency {
            amount: Money(Decimal::ZERO),
            when: String::new(),
        });
        plan.risks = Some("Relapse".into());
        assert_eq!(
            locate("/contingency", &plan).field.as_deref(),
            Some("contingency-when")
        );
        assert_eq!(
            locate("/risks", &plan).field.as_deref(),
            Some("if-support-fails")
        );
    }

    #[test]
    fn issues_elsewhere_name_what_they_are_about() {
        let plan = plan();
        let issue = Issue::new("outside_plan", "/supports/0/starts", "x");
        let here = issue_error(
            &issue,
            &plan,
            &PlanPage::Support(Item::Existing("pool".into())),
            "f",
        );
        assert_eq!(here.field, "support-starts-day");
        assert!(here.message.starts_with("This support’s dates"));
        let there = issue_error(&issue, &plan, &PlanPage::Dates, "plan-starts-day");
        assert_eq!(there.field, "plan-starts-day");
        assert!(there
            .message
            .starts_with("‘Pool pass’ would be outside these dates"));
    }

    #[test]
    fn a_plan_over_its_size_says_how_many_it_may_have() {
        crate::text::set(crate::text::english());
        let issue = Issue::new(
            "too_many",
            "/supports",
            "a plan may have at most 500 supports",
        );
        assert_eq!(
            issue_message(&issue, None),
            "A plan can have up to 500 supports. Remove one before you add another"
        );
        crate::text::set(crate::text::welsh());
        let issue = Issue::new("too_many", "/goals", "a plan may have at most 200 goals");
        assert_eq!(
            issue_message(&issue, None),
            "Gall cynllun gael hyd at 200 nod. Tynnwch un cyn ychwanegu un arall"
        );
    }
}
