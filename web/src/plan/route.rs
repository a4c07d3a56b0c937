//! The plan's pages and their addresses, all under `#/plan`.
//!
//! A goal or support is named in the address by its id (`#/plan/goals/goal-1`), percent
//! encoded like question ids, so ids from an imported plan are safe whatever they hold.
//! Pages reached from "Check your plan" have `change/` after `plan/`, so that sending their
//! form returns there.

use crate::route::{decode, encode};
use crate::text::text;
use waymark_engine::plan::Plan;

/// Which goal or support a form is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// One not yet in the plan.
    New,
    /// The one with this id.
    Existing(String),
}

/// A page of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanPage {
    /// The parts of the plan, with their statuses.
    Tasks,
    /// The goals, with ways to add, change and remove them.
    Goals,
    /// One goal's form.
    Goal(Item),
    /// Confirmation before removing the goal with this id.
    RemoveGoal(String),
    /// The supports, with ways to add, change and remove them.
    Supports,
    /// One support's form.
    Support(Item),
    /// Confirmation before removing the support with this id.
    RemoveSupport(String),
    /// "Find local support": the scheme's directory, searched on the device.
    Find,
    /// Money kept aside, and when it would be used.
    Contingency,
    /// What to do in a crisis.
    Crisis,
    /// Risks, and what happens if a support does not turn up.
    Risks,
    /// How the money is held.
    Holding,
    /// Who helped to make the plan.
    Helpers,
    /// When the plan starts, ends and is reviewed.
    Dates,
    /// The whole plan, its costing and findings, with change links.
    Check,
}

/// A plan page, and whether it was reached from "Check your plan".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRoute {
    /// The page.
    pub page: PlanPage,
    /// Whether sending the page's form returns to "Check your plan".
    pub change: bool,
}

impl PlanRoute {
    /// A page reached in the normal way.
    pub fn to(page: PlanPage) -> PlanRoute {
        PlanRoute {
            page,
            change: false,
        }
    }

    /// A page reached from "Check your plan".
    pub fn change(page: PlanPage) -> PlanRoute {
        PlanRoute { page, change: true }
    }

    /// The page a path after `plan` names (`None` for `plan` itself is the task list):
    /// `goals/goal-1` or `change/dates`.
    pub fn from_path(rest: Option<&str>) -> Option<PlanRoute> {
        let Some(rest) = rest else {
            return Some(PlanRoute::to(PlanPage::Tasks));
        };
        let (change, rest) = match rest.strip_prefix("change/") {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        let parts: Vec<&str> = rest.split('/').collect();
        let id = |part: &str| Some(part).filter(|p| !p.is_empty()).and_then(decode);
        let page = match parts.as_slice() {
            ["goals"] => PlanPage::Goals,
            ["add-goal"] => PlanPage::Goal(Item::New),
            ["goals", goal] => PlanPage::Goal(Item::Existing(id(goal)?)),
            ["goals", goal, "remove"] => PlanPage::RemoveGoal(id(goal)?),
            ["supports"] => PlanPage::Supports,
            ["add-support"] => PlanPage::Support(Item::New),
            ["supports", support] => PlanPage::Support(Item::Existing(id(support)?)),
            ["supports", support, "remove"] => PlanPage::RemoveSupport(id(support)?),
            ["find-support"] if !change => PlanPage::Find,
            ["contingency"] => PlanPage::Contingency,
            ["crisis"] => PlanPage::Crisis,
            ["risks"] => PlanPage::Risks,
            ["holding"] => PlanPage::Holding,
            ["helpers"] => PlanPage::Helpers,
            ["dates"] => PlanPage::Dates,
            ["check"] if !change => PlanPage::Check,
            _ => return None,
        };
        Some(PlanRoute { page, change })
    }

    /// The path of this page, from `plan` on, without the `#/`.
    pub fn path(&self) -> String {
        let rest = match &self.page {
            PlanPage::Tasks => return "plan".into(),
            PlanPage::Goals => "goals".into(),
            PlanPage::Goal(Item::New) => "add-goal".into(),
            PlanPage::Goal(Item::Existing(id)) => format!("goals/{}", encode(id)),
            PlanPage::RemoveGoal(id) => format!("goals/{}/remove", encode(id)),
            PlanPage::Supports => "supports".into(),
            PlanPage::Support(Item::New) => "add-support".into(),
            PlanPage::Support(Item::Existing(id)) => format!("supports/{}", encode(id)),
            PlanPage::RemoveSupport(id) => format!("supports/{}/remove", encode(id)),
            PlanPage::Find => "find-support".into(),
            PlanPage::Contingency => "contingency".into(),
            PlanPage::Crisis => "crisis".into(),
            PlanPage::Risks => "risks".into(),
            PlanPage::Holding => "holding".into(),
            PlanPage::Helpers => "helpers".into(),
            PlanPage::Dates => "dates".into(),
            PlanPage::Check => "check".into(),
        };
        if self.change {
            format!("plan/change/{rest}")
        } else {
            format!("plan/{rest}")
        }
    }

    /// Where sending this page's form goes: back to "Check your plan" when it came from
    /// there; otherwise a goal's or support's list, or the task list.
    pub fn after(&self) -> PlanRoute {
        if self.change {
            return PlanRoute::to(PlanPage::Check);
        }
        PlanRoute::to(match self.page {
            PlanPage::Goal(_) | PlanPage::RemoveGoal(_) => PlanPage::Goals,
            PlanPage::Support(_) | PlanPage::RemoveSupport(_) | PlanPage::Find => {
                PlanPage::Supports
            }
            _ => PlanPage::Tasks,
        })
    }

    /// Where the back link goes.
    pub fn back(&self) -> Option<PlanRoute> {
        match self.page {
            PlanPage::Tasks => None,
            PlanPage::Check => Some(PlanRoute::to(PlanPage::Tasks)),
            _ => Some(self.after()),
        }
    }
}

/// The page to show for `route`: a goal or support that is not in `plan` leads to the
/// list it would be in, and so does "Find local support" without a directory.
pub fn resolve(route: PlanRoute, plan: Option<&Plan>, directory: bool) -> PlanRoute {
    let goal = |id: &str| plan.is_some_and(|p| p.goals.iter().any(|g| g.id == id));
    let support = |id: &str| plan.is_some_and(|p| p.supports.iter().any(|s| s.id == id));
    match &route.page {
        PlanPage::Goal(Item::Existing(id)) | PlanPage::RemoveGoal(id) if !goal(id) => {
            PlanRoute::to(PlanPage::Goals)
        }
        PlanPage::Support(Item::Existing(id)) | PlanPage::RemoveSupport(id) if !support(id) => {
            PlanRoute::to(PlanPage::Supports)
        }
        PlanPage::Find if !directory => PlanRoute::to(PlanPage::Supports),
        _ => route,
    }
}

/// The main heading of a plan page, which is also the first part of its title.
pub fn heading(page: &PlanPage) -> &'static str {
    let t = &text().plan;
    match page {
        PlanPage::Tasks => &t.tasks_heading,
        PlanPage::Goals => &t.goals_heading,
        PlanPage::Goal(Item::New) => &t.goal_add_heading,
        PlanPage::Goal(Item::Existing(_)) => &t.goal_change_heading,
        PlanPage::RemoveGoal(_) => &t.goal_remove_heading,
        PlanPage::Supports => &t.supports_heading,
        PlanPage::Support(Item::New) => &t.support_add_heading,
        PlanPage::Support(Item::Existing(_)) => &t.support_change_heading,
        PlanPage::RemoveSupport(_) => &t.support_remove_heading,
        PlanPage::Find => &t.find_heading,
        PlanPage::Contingency => &t.contingency_heading,
        PlanPage::Crisis => &t.crisis_heading,
        PlanPage::Risks => &t.risks_heading,
        PlanPage::Holding => &t.holding_heading,
        PlanPage::Helpers => &t.helpers_heading,
        PlanPage::Dates => &t.dates_heading,
        PlanPage::Check => &t.check_heading,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_plan_page_survives_a_round_trip_through_its_path() {
        let pages = [
            PlanPage::Tasks,
            PlanPage::Goals,
            PlanPage::Goal(Item::New),
            PlanPage::Goal(Item::Existing("goal-1".into())),
            PlanPage::Goal(Item::Existing("new/odd ïd".into())),
            PlanPage::RemoveGoal("goal-1".into()),
            PlanPage::Supports,
            PlanPage::Support(Item::New),
            PlanPage::Support(Item::Existing("support-2".into())),
            PlanPage::RemoveSupport("remove".into()),
            PlanPage::Find,
            PlanPage::Contingency,
            PlanPage::Crisis,
            PlanPage::Risks,
            PlanPage::Holding,
            PlanPage::Helpers,
            PlanPage::Dates,
            PlanPage::Check,
        ];
        for page in pages {
            for route in [PlanRoute::to(page.clone()), PlanRoute::change(page.clone())] {
                if route.change
                    && matches!(
                        route.page,
                        PlanPage::Tasks | PlanPage::Check | PlanPage::Find
                    )
                {
                    continue;
                }
                let path = route.path();
                let rest = path.strip_prefix("plan").unwrap().strip_prefix('/');
                assert_eq!(PlanRoute::from_path(rest), Some(route), "{path}");
            }
        }
    }

    #[test]
    fn paths_that_are_not_plan_pages_are_refused() {
        for rest in [
            "",
            "goals/",
            "goals/a/b",
            "nowhere",
            "change/check",
            "change/find-support",
            "goals/%zz",
        ] {
            assert_eq!(PlanRoute::from_path(Some(rest)), None, "{rest}");
        }
    }

    #[test]
    fn forms_return_to_their_list_the_task_list_or_check_your_plan() {
        let goal = PlanRoute::to(PlanPage::Goal(Item::New));
        assert_eq!(goal.after(), PlanRoute::to(PlanPage::Goals));
        assert_eq!(goal.back(), Some(PlanRoute::to(PlanPage::Goals)));
        let crisis = PlanRoute::to(PlanPage::Crisis);
        assert_eq!(crisis.after(), PlanRoute::to(PlanPage::Tasks));
        let changed = PlanRoute::change(PlanPage::Support(Item::Existing("s".into())));
        assert_eq!(changed.after(), PlanRoute::to(PlanPage::Check));
        assert_eq!(changed.back(), Some(PlanRoute::to(PlanPage::Check)));
        assert_eq!(PlanRoute::to(PlanPage::Tasks).back(), None);
    }
}
