//! How far along each part of a plan is, for the plan's task list. A part is completed
//! when the person has filled it in; whether it meets the scheme's rules is for the
//! findings, which say so in the scheme's words.

use super::route::PlanPage;
use crate::flow::Status;
use crate::text::text;
use waymark_engine::plan::Plan;

/// A part of the plan on its task list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The page where it is filled in.
    pub page: PlanPage,
    /// Its name.
    pub name: &'static str,
    /// What it is about.
    pub hint: &'static str,
    /// How far along it is.
    pub status: Status,
}

/// The parts of a plan, in the order a person is asked to think about them.
pub fn parts(plan: &Plan) -> Vec<Part> {
    let t = &text().plan;
    let done = |complete: bool| {
        if complete {
            Status::Completed
        } else {
            Status::NotStarted
        }
    };
    let blank = |s: &str| s.trim().is_empty();
    let crisis = match &plan.crisis {
        None => Status::NotStarted,
        Some(c) if blank(&c.contacts) => Status::Incomplete,
        Some(_) => Status::Completed,
    };
    let risks = match (&plan.risks, &plan.if_support_fails) {
        (Some(_), Some(_)) => Status::Completed,
        (None, None) => Status::NotStarted,
        _ => Status::Incomplete,
    };
    let part = |page, name, hint, status| Part {
        page,
        name,
        hint,
        status,
    };
    vec![
        part(
            PlanPage::Goals,
            &t.task_goals,
            &t.task_goals_hint,
            done(!plan.goals.is_empty()),
        ),
        part(
            PlanPage::Supports,
            &t.task_supports,
            &t.task_supports_hint,
            done(!plan.supports.is_empty()),
        ),
        part(
            PlanPage::Contingency,
            &t.task_contingency,
            &t.task_contingency_hint,
            done(plan.contingency.is_some()),
        ),
        part(
            PlanPage::Crisis,
            &t.task_crisis,
            &t.task_crisis_hint,
            crisis,
        ),
        part(PlanPage::Risks, &t.task_risks, &t.task_risks_hint, risks),
        part(
            PlanPage::Holding,
            &t.task_holding,
            &t.task_holding_hint,
            done(plan.holding.is_some()),
        ),
        part(
            PlanPage::Helpers,
            &t.task_helpers,
            &t.task_helpers_hint,
            done(!plan.helpers.is_empty()),
        ),
        part(
            PlanPage::Dates,
            &t.task_dates,
            &t.task_dates_hint,
            done(plan.review.is_some()),
        ),
    ]
}

/// The part of the plan a page belongs to.
fn part_of(page: &PlanPage) -> PlanPage {
    match page {
        PlanPage::Goal(_) | PlanPage::RemoveGoal(_) => PlanPage::Goals,
        PlanPage::Support(_) | PlanPage::RemoveSupport(_) | PlanPage::Find => PlanPage::Supports,
        other => other.clone(),
    }
}

/// The name of the part of the plan a page belongs to, as on the task list; the page's
/// heading for the task list and "Check your plan".
pub fn part_name(page: &PlanPage) -> &'static str {
    let part = part_of(page);
    let t = &text().plan;
    match part {
        PlanPage::Goals => &t.task_goals,
        PlanPage::Supports => &t.task_supports,
        PlanPage::Contingency => &t.task_contingency,
        PlanPage::Crisis => &t.task_crisis,
        PlanPage::Risks => &t.task_risks,
        PlanPage::Holding => &t.task_holding,
        PlanPage::Helpers => &t.task_helpers,
        PlanPage::Dates => &t.task_dates,
        _ => super::route::heading(&part),
    }
}

/// Whether the part of the plan a page belongs to has been started, so that findings
/// about it are worth showing as the person works (parts not started yet show as such on
/// the task list, and their findings on "Check your plan").
pub fn started(plan: &Plan, page: &PlanPage) -> bool {
    let part = part_of(page);
    parts(plan)
        .into_iter()
        .find(|p| p.page == part)
        .is_none_or(|p| p.status != Status::NotStarted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::budget::new_plan;
    use waymark_engine::plan::CrisisPlan;

    #[test]
    fn parts_are_completed_as_they_are_filled_in() {
        let mut plan = new_plan("2026-06-01".parse().unwrap());
        let statuses = |plan: &Plan| {
            parts(plan)
                .into_iter()
                .map(|p| p.status)
                .collect::<Vec<_>>()
        };
        assert!(statuses(&plan).iter().all(|s| *s == Status::NotStarted));
        plan.crisis = Some(CrisisPlan {
            contacts: String::new(),
            helps: "Tea".into(),
            does_not_help: String::new(),
            preferences: String::new(),
        });
        plan.risks = Some("Relapse".into());
        plan.review = "2026-09-01".parse().ok();
        let now = statuses(&plan);
        assert_eq!(now[3], Status::Incomplete, "a crisis plan without contacts");
        assert_eq!(now[4], Status::Incomplete, "risks without a back-up");
        assert_eq!(now[7], Status::Completed, "a review date");
        assert!(started(&plan, &PlanPage::Crisis));
        assert!(!started(&plan, &PlanPage::Goal(crate::plan::Item::New)));
        assert!(started(&plan, &PlanPage::Tasks));
    }
}
