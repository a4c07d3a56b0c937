//! The plan's actions and how they change the state.
//!
//! Sending a plan page's form reads it ([`super::read`]), applies it to a copy of the plan,
//! and asks the engine whether the copy still costs. Problems with what was typed, and
//! structural issues the change would cause (a support whose dates fall outside the plan),
//! come back as GOV.UK field errors on the page, with what was typed kept; otherwise the
//! plan is saved and the person moves on. Findings (the scheme's rules) never stop a
//! change: they are shown beside the plan as the person works.

use super::budget::{budget, new_plan};
use super::form::Form;
use super::ids::{self, DatePart};
use super::locate::{issue_error, locate};
use super::read::{self, Errors};
use super::route::{Item, PlanPage, PlanRoute};
use crate::route::Route;
use crate::state::State;
use std::rc::Rc;
use waymark_engine::plan::{validate_plan, Plan};
use waymark_engine::{Money, Scheme};

/// Everything that can happen on the plan's pages.
#[derive(Debug, Clone)]
pub enum PlanAction {
    /// A plan page's form was sent.
    Submit {
        /// The page it was sent from.
        route: PlanRoute,
        /// What it held.
        form: Form,
    },
    /// A link to a field (from a finding) was followed.
    Show {
        /// The page the field is on.
        page: PlanPage,
        /// The field to focus, if there is one.
        field: Option<String>,
    },
    /// The directory at this address arrived, or could not be fetched.
    Directory {
        /// The address it was fetched from.
        url: String,
        /// Its text, or why there is none.
        text: Result<String, String>,
    },
    /// The search box or a filter of "Find local support" changed, or its form was sent.
    Search(Form),
    /// The person asked to see more results.
    MoreResults,
    /// The person chose to add the directory's entry at this position to the plan.
    AddFound(usize),
}

impl State {
    /// Carries out a plan action.
    pub(crate) fn plan_action(&mut self, action: PlanAction) {
        match action {
            PlanAction::Submit { route, form } => self.submit_plan(route, form),
            PlanAction::Show { page, field } => {
                let focus = self.focus;
                self.go(Route::Plan(PlanRoute::to(page)));
                if self.focus == focus {
                    self.focus += 1;
                }
                self.focus_field = field;
            }
            PlanAction::Directory { url, text } => {
                if let Some(scheme) = self.scheme().cloned() {
                    self.find.arrived(&url, text, &scheme);
                }
            }
            PlanAction::Search(form) => self.find.ask(&form),
            PlanAction::MoreResults => self.find.more(),
            PlanAction::AddFound(index) => self.add_found(index),
        }
    }

    /// Adds a service from the directory as a support, filled in as the person would fill
    /// in the form and checked in the same way, then shows its page to change the cost.
    /// When something is missing (a kind of support the scheme pays for), the form for a
    /// new support asks for it, with the rest filled in.
    fn add_found(&mut self, index: usize) {
        let (Some(scheme), Some(date), Some(before)) =
            (self.scheme().cloned(), self.date, self.plan_or_new())
        else {
            return;
        };
        let Some(entry) = self
            .find
            .ready()
            .and_then(|r| r.directory.entries.get(index))
        else {
            return;
        };
        let (name, form) = (
            entry.name.clone(),
            super::find::support_form(entry, &scheme),
        );
        let new = PlanPage::Support(Item::New);
        let budget = budget(&scheme, &self.answers, date);
        let changed = apply(&scheme, &before, &new, &form)
            .and_then(|(plan, page)| Ok((structure(&scheme, &before, plan, &page, budget)?, page)));
        match changed {
            Ok((plan, page)) => {
                self.plan = Some(plan);
                self.save();
                self.go(Route::Plan(PlanRoute::to(page)));
                self.notice = Some(crate::state::Notice::Added(name));
            }
            Err(errors) => {
                self.go(Route::Plan(PlanRoute::to(new)));
                self.errors = errors;
                self.plan_form = Some(Rc::new(form));
            }
        }
    }

    /// The plan being made: the saved one, or a new one starting on the assessment date.
    pub fn plan_or_new(&self) -> Option<Plan> {
        self.plan.clone().or_else(|| self.date.map(new_plan))
    }

    fn submit_plan(&mut self, route: PlanRoute, form: Form) {
        if self.route != Route::Plan(route.clone()) {
            return;
        }
        let (Some(scheme), Some(date), Some(before)) =
            (self.scheme().cloned(), self.date, self.plan_or_new())
        else {
            return;
        };
        let budget = budget(&scheme, &self.answers, date);
        let changed = apply(&scheme, &before, &route.page, &form)
            .and_then(|(plan, page)| structure(&scheme, &before, plan, &page, budget));
        match changed {
            Ok(plan) => {
                self.plan = Some(plan);
                self.save();
                self.go(Route::Plan(route.after()));
            }
            Err(errors) => {
                self.errors = errors;
                self.plan_form = Some(Rc::new(form));
                self.notice = None;
                self.focus_field = None;
                self.focus += 1;
            }
        }
    }
}

/// The plan with a page's form applied, and the page as it now is (a new goal or support
/// has its id).
fn apply(
    scheme: &Scheme,
    plan: &Plan,
    page: &PlanPage,
    form: &Form,
) -> Result<(Plan, PlanPage), Errors> {
    let mut plan = plan.clone();
    let page = match page {
        PlanPage::Goal(item) => {
            let id = item_id(item, "goal", plan.goals.iter().map(|g| g.id.as_str()));
            let goal = read::goal(form, scheme, id.clone())?;
            match plan.goals.iter_mut().find(|g| g.id == id) {
                Some(existing) => *existing = goal,
                None => plan.goals.push(goal),
            }
            PlanPage::Goal(Item::Existing(id))
        }
        PlanPage::RemoveGoal(id) => {
            plan.goals.retain(|g| g.id != *id);
            for support in &mut plan.supports {
                support.goals.retain(|g| g != id);
            }
            return Ok((plan, PlanPage::Goals));
        }
        PlanPage::Support(item) => {
            let id = item_id(item, "support", plan.supports.iter().map(|s| s.id.as_str()));
            let support = read::support(form, scheme, &plan, id.clone())?;
            match plan.supports.iter_mut().find(|s| s.id == id) {
                Some(existing) => *existing = support,
                None => plan.supports.push(support),
            }
            PlanPage::Support(Item::Existing(id))
        }
        PlanPage::RemoveSupport(id) => {
            plan.supports.retain(|s| s.id != *id);
            return Ok((plan, PlanPage::Supports));
        }
        PlanPage::Contingency => {
            plan.contingency = Some(read::contingency(form)?);
            PlanPage::Contingency
        }
        PlanPage::Crisis => {
            plan.crisis = read::crisis(form);
            PlanPage::Crisis
        }
        PlanPage::Risks => {
            (plan.risks, plan.if_support_fails) = read::risks(form);
            PlanPage::Risks
        }
        PlanPage::Holding => {
            plan.holding = Some(read::holding(form, scheme)?);
            PlanPage::Holding
        }
        PlanPage::Helpers => {
            plan.helpers = read::helpers(form);
            PlanPage::Helpers
        }
        PlanPage::Dates => {
            (plan.starts, plan.ends, plan.review) = read::dates(form)?;
            PlanPage::Dates
        }
        other @ (PlanPage::Tasks
        | PlanPage::Goals
        | PlanPage::Supports
        | PlanPage::Find
        | PlanPage::Check) => other.clone(),
    };
    Ok((plan, page))
}

/// The id for a goal or support: its own, or for a new one the first `{prefix}-{n}` free.
fn item_id<'a>(item: &Item, prefix: &str, taken: impl Iterator<Item = &'a str>) -> String {
    match item {
        Item::Existing(id) => id.clone(),
        Item::New => {
            let taken: Vec<&str> = taken.collect();
            (1..)
                .map(|n| format!("{prefix}-{n}"))
                .find(|id| !taken.contains(&id.as_str()))
                .unwrap_or_default()
        }
    }
}

/// The changed plan, or the structural issues the change caused as errors on `page`: the
/// issues about `page` itself, and new issues elsewhere (such as supports left outside
/// new plan dates). Issues the plan already had elsewhere (from an imported file) do not
/// stop the change; they are shown beside the plan.
fn structure(
    scheme: &Scheme,
    before: &Plan,
    plan: Plan,
    page: &PlanPage,
    budget: Money,
) -> Result<Plan, Errors> {
    // Removing a goal or support (which lands on its list) takes away what issues could be
    // about; the positions of everything after it shift, so nothing would match anyway.
    if matches!(page, PlanPage::Goals | PlanPage::Supports) {
        return Ok(plan);
    }
    let Err(issues) = validate_plan(scheme, &plan, budget) else {
        return Ok(plan);
    };
    let known: Vec<(String, String)> = validate_plan(scheme, before, budget)
        .err()
        .unwrap_or_default()
        .into_iter()
        .map(|i| (i.code, i.path))
        .collect();
    let fallback = main_field(page);
    let mut errors: Errors = Vec::new();
    for issue in &issues {
        let new = !known.contains(&(issue.code.clone(), issue.path.clone()));
        if locate(&issue.path, &plan).page != *page && !new {
            continue;
        }
        let error = issue_error(issue, &plan, page, &fallback);
        if !errors.iter().any(|e| e.field == error.field) {
            errors.push(error);
        }
    }
    if errors.is_empty() {
        Ok(plan)
    } else {
        Err(errors)
    }
}

/// The field an error about something else goes on: the page's first.
fn main_field(page: &PlanPage) -> String {
    match page {
        PlanPage::Goal(_) => ids::GOAL_TEXT.into(),
        PlanPage::Support(_) => ids::SUPPORT_DESCRIPTION.into(),
        PlanPage::Contingency => ids::CONTINGENCY_AMOUNT.into(),
        PlanPage::Crisis => ids::CRISIS_CONTACTS.into(),
        PlanPage::Risks => ids::RISKS.into(),
        PlanPage::Holding => ids::HOLDING_KIND.into(),
        PlanPage::Helpers => ids::HELPERS.into(),
        _ => ids::date_part(ids::PLAN_STARTS, DatePart::Day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::{Action, Loaded, Persist};
    use waymark_engine::plan::Payer;
    use yew::Reducible;

    fn scheme() -> Rc<Scheme> {
        Rc::new(crate::plan::testing::scheme())
    }

    /// A person who has answered everything, on `page`.
    fn ready(page: PlanPage) -> Rc<State> {
        let state = Rc::new(State::new()).reduce(Action::Loaded(Box::new(Loaded {
            schemes: vec![scheme()],
            date: "2026-06-01".parse().unwrap(),
            stored: None,
            storage_works: true,
            route: Some(Route::question("a")),
            config: Rc::default(),
            language: ("en".into(), false),
            words: crate::text::Words(crate::text::english()),
        })));
        let state = state.reduce(Action::Answer {
            id: "a".into(),
            posted: Some("yes".into()),
            reason: None,
        });
        go(state, page)
    }

    fn go(state: Rc<State>, page: PlanPage) -> Rc<State> {
        state.reduce(Action::Navigate(Some(Route::Plan(PlanRoute::to(page)))))
    }

    fn send<const N: usize>(state: Rc<State>, fields: [(&str, &str); N]) -> Rc<State> {
        let Route::Plan(route) = state.route.clone() else {
            panic!("not on a plan page: {:?}", state.route);
        };
        state.reduce(Action::Plan(PlanAction::Submit {
            route,
            form: Form::from(fields),
        }))
    }

    fn add_goal(state: Rc<State>, words: &str) -> Rc<State> {
        let state = go(state, PlanPage::Goal(Item::New));
        send(state, [("goal-text", words), ("goal-area", "home")])
    }

    fn support(starts: [&str; 3]) -> [(&str, &str); 10] {
        [
            ("support-description", "Pool pass"),
            ("support-category", "gym"),
            ("support-payer", "budget"),
            ("support-amount", "10"),
            ("support-relative", "no"),
            ("support-frequency", "weekly"),
            ("support-starts-day", starts[0]),
            ("support-starts-month", starts[1]),
            ("support-starts-year", starts[2]),
            ("support-goals", "goal-1"),
        ]
    }

    #[test]
    fn plan_pages_wait_for_a_complete_assessment() {
        let state = Rc::new(State::new()).reduce(Action::Loaded(Box::new(Loaded {
            schemes: vec![scheme()],
            date: "2026-06-01".parse().unwrap(),
            stored: None,
            storage_works: true,
            route: Some(Route::Plan(PlanRoute::to(PlanPage::Tasks))),
            config: Rc::default(),
            language: ("en".into(), false),
            words: crate::text::Words(crate::text::english()),
        })));
        assert_eq!(state.route, Route::question("a"));
        let state = ready(PlanPage::Tasks);
        assert_eq!(state.route, Route::Plan(PlanRoute::to(PlanPage::Tasks)));
        let missing = go(state, PlanPage::Goal(Item::Existing("nope".into())));
        assert_eq!(missing.route, Route::Plan(PlanRoute::to(PlanPage::Goals)));
    }

    #[test]
    fn a_goal_is_added_saved_and_changed() {
        let state = add_goal(ready(PlanPage::Tasks), "Swim again");
        assert_eq!(state.route, Route::Plan(PlanRoute::to(PlanPage::Goals)));
        assert_eq!(state.persist, Persist::Write);
        let plan = state.plan.clone().unwrap();
        assert_eq!(plan.goals[0].id, "goal-1");
        assert_eq!(plan.starts.to_string(), "2026-06-01");
        assert_eq!(plan.ends.to_string(), "2027-05-31");
        let state = add_goal(state, "See my sister");
        assert_eq!(state.plan.as_ref().unwrap().goals[1].id, "goal-2");
        let state = go(state, PlanPage::Goal(Item::Existing("goal-1".into())));
        let state = state.reduce(Action::Navigate(Some(Route::Plan(PlanRoute::change(
            PlanPage::Goal(Item::Existing("goal-1".into())),
        )))));
        let state = send(
            state,
            [("goal-text", "Swim every week"), ("goal-area", "home")],
        );
        assert_eq!(state.route, Route::Plan(PlanRoute::to(PlanPage::Check)));
        let goals = &state.plan.as_ref().unwrap().goals;
        assert_eq!(goals.len(), 2);
        assert_eq!(goals[0].text, "Swim every week");
    }

    #[test]
    fn errors_keep_what_was_typed_and_move_focus() {
        let state = ready(PlanPage::Goal(Item::New));
        let focus = state.focus;
        let state = send(state, [("goal-text", "  "), ("goal-measure", "I swim")]);
        assert_eq!(
            state.route,
            Route::Plan(PlanRoute::to(PlanPage::Goal(Item::New)))
        );
        assert_eq!(state.errors.len(), 2);
        assert_eq!(state.focus, focus + 1);
        assert_eq!(
            state.plan_form.as_ref().unwrap().text("goal-measure"),
            "I swim"
        );
        assert_eq!(state.plan, None, "nothing is saved");
        let state = go(state, PlanPage::Tasks);
        assert!(state.errors.is_empty());
        assert_eq!(state.plan_form, None);
    }

    #[test]
    fn a_support_outside_the_plan_is_an_error_on_its_dates() {
        let state = add_goal(ready(PlanPage::Tasks), "Swim again");
        let state = go(state, PlanPage::Support(Item::New));
        let state = send(state, support(["1", "1", "2028"]));
        assert_eq!(state.errors.len(), 1);
        assert_eq!(state.errors[0].field, "support-starts-day");
        assert!(state.plan.as_ref().unwrap().supports.is_empty());
        let state = send(state, support(["1", "9", "2026"]));
        assert!(state.errors.is_empty());
        assert_eq!(state.route, Route::Plan(PlanRoute::to(PlanPage::Supports)));
        let plan = state.plan.clone().unwrap();
        assert_eq!(plan.supports[0].id, "support-1");
        assert_eq!(plan.supports[0].payer, Payer::Budget);
        assert_eq!(plan.supports[0].goals, ["goal-1"]);
    }

    #[test]
    fn new_plan_dates_that_leave_a_support_outside_say_which() {
        let state = add_goal(ready(PlanPage::Tasks), "Swim again");
        let state = go(state, PlanPage::Support(Item::New));
        let state = send(state, support(["1", "9", "2026"]));
        let state = go(state, PlanPage::Dates);
        let state = send(
            state,
            [
                ("plan-starts-day", "1"),
                ("plan-starts-month", "6"),
                ("plan-starts-year", "2026"),
                ("plan-ends-day", "31"),
                ("plan-ends-month", "7"),
                ("plan-ends-year", "2026"),
            ],
        );
        assert_eq!(state.errors.len(), 1);
        assert_eq!(state.errors[0].field, "plan-starts-day");
        assert!(state.errors[0].message.contains("‘Pool pass’"));
        let state = send(
            state,
            [
                ("plan-starts-day", "1"),
                ("plan-starts-month", "6"),
                ("plan-starts-year", "2026"),
                ("plan-ends-day", "30"),
                ("plan-ends-month", "11"),
                ("plan-ends-year", "2026"),
                ("plan-review-day", "1"),
                ("plan-review-month", "9"),
                ("plan-review-year", "2026"),
            ],
        );
        assert!(state.errors.is_empty());
        let plan = state.plan.clone().unwrap();
        assert_eq!(plan.ends.to_string(), "2026-11-30");
        assert_eq!(
            plan.review.map(|d| d.to_string()).as_deref(),
            Some("2026-09-01")
        );
    }

    #[test]
    fn removing_a_goal_unlinks_its_supports() {
        let state = add_goal(ready(PlanPage::Tasks), "Swim again");
        let state = go(state, PlanPage::Support(Item::New));
        let state = send(state, support(["", "", ""]));
        let state = go(state, PlanPage::RemoveGoal("goal-1".into()));
        let state = send(state, []);
        assert_eq!(state.route, Route::Plan(PlanRoute::to(PlanPage::Goals)));
        let plan = state.plan.clone().unwrap();
        assert!(plan.goals.is_empty());
        assert!(plan.supports[0].goals.is_empty());
        let state = go(state, PlanPage::RemoveSupport("support-1".into()));
        let state = send(state, []);
        assert!(state.plan.as_ref().unwrap().supports.is_empty());
    }

    #[test]
    fn a_link_to_a_field_moves_focus_there_even_on_the_same_page() {
        let state = add_goal(ready(PlanPage::Tasks), "Swim again");
        let state = state.reduce(Action::Plan(PlanAction::Show {
            page: PlanPage::Goal(Item::Existing("goal-1".into())),
            field: Some("goal-text".into()),
        }));
        assert_eq!(
            state.route,
            Route::Plan(PlanRoute::to(PlanPage::Goal(Item::Existing(
                "goal-1".into()
            ))))
        );
        assert_eq!(state.focus_field.as_deref(), Some("goal-text"));
        let focus = state.focus;
        let state = state.reduce(Action::Plan(PlanAction::Show {
            page: PlanPage::Goal(Item::Existing("goal-1".into())),
            field: Some("goal-area".into()),
        }));
        assert_eq!(state.focus, focus + 1);
        assert_eq!(state.focus_field.as_deref(), Some("goal-area"));
        let state = go(state, PlanPage::Tasks);
        assert_eq!(state.focus_field, None);
    }

    /// A person with a goal, on "Find local support" with the test directory loaded.
    fn finding() -> Rc<State> {
        let config = crate::config::Config::from_json(
            r#"{"schemes": [{"path": "t.json", "directory": "t.directory.json"}]}"#,
        )
        .unwrap();
        let state = Rc::new(State::new()).reduce(Action::Loaded(Box::new(Loaded {
            schemes: vec![scheme()],
            date: "2026-06-01".parse().unwrap(),
            stored: None,
            storage_works: true,
            route: Some(Route::question("a")),
            config: Rc::new(config),
            language: ("en".into(), false),
            words: crate::text::Words(crate::text::english()),
        })));
        let state = state.reduce(Action::Answer {
            id: "a".into(),
            posted: Some("yes".into()),
            reason: None,
        });
        let state = add_goal(state, "Swim again");
        assert_eq!(
            state.find.fetches, 0,
            "nothing is fetched before the page is opened"
        );
        let state = go(state, PlanPage::Find);
        assert_eq!(state.route, Route::Plan(PlanRoute::to(PlanPage::Find)));
        assert_eq!(state.find.fetches, 1);
        state.reduce(Action::Plan(PlanAction::Directory {
            url: "t.directory.json".into(),
            text: Ok(crate::plan::testing::directory()),
        }))
    }

    #[test]
    fn find_local_support_needs_a_directory() {
        let state = go(ready(PlanPage::Tasks), PlanPage::Find);
        assert_eq!(state.route, Route::Plan(PlanRoute::to(PlanPage::Supports)));
        assert_eq!(state.find.fetches, 0);
    }

    #[test]
    fn a_paid_service_is_added_costed_and_its_page_shown() {
        let state = finding();
        let state = state.reduce(Action::Plan(PlanAction::Search(Form::from([(
            "find-text",
            "gym",
        )]))));
        assert_eq!(*state.find.results, [0]);
        let state = state.reduce(Action::Plan(PlanAction::AddFound(0)));
        let id = "support-1".to_owned();
        assert_eq!(
            state.route,
            Route::Plan(PlanRoute::to(PlanPage::Support(Item::Existing(id))))
        );
        assert_eq!(
            state.notice,
            Some(crate::state::Notice::Added("Pool and gym".into()))
        );
        assert_eq!(state.persist, Persist::Write);
        let support = &state.plan.as_ref().unwrap().supports[0];
        assert_eq!(support.payer, Payer::Budget);
        assert_eq!(support.amount.0.to_string(), "4.50");
        let costing = state.worked.as_ref().unwrap().costing().unwrap();
        assert_eq!(costing.supports[0].id, "support-1");
        let codes: Vec<&str> = state
            .worked
            .as_ref()
            .unwrap()
            .findings()
            .iter()
            .map(|f| f.code.as_str())
            .collect();
        assert!(
            codes.contains(&"unlinked"),
            "the scheme's checks run: {codes:?}"
        );
    }

    #[test]
    fn a_free_service_is_free_help_and_one_of_no_kind_asks_for_its_kind() {
        let state = finding().reduce(Action::Plan(PlanAction::AddFound(1)));
        let support = &state.plan.as_ref().unwrap().supports[0];
        assert_eq!(support.payer, Payer::Community);
        assert!(support.amount.0.is_zero());
        let state = go(state, PlanPage::Find).reduce(Action::Plan(PlanAction::AddFound(2)));
        assert_eq!(
            state.route,
            Route::Plan(PlanRoute::to(PlanPage::Support(Item::New)))
        );
        assert_eq!(state.errors[0].field, "support-category");
        let form = state.plan_form.as_ref().unwrap();
        assert_eq!(form.text("support-description"), "Quiet hour");
        assert_eq!(state.plan.as_ref().unwrap().supports.len(), 1);
    }

    #[test]
    fn a_form_from_another_page_is_ignored() {
        let state = ready(PlanPage::Crisis);
        let stale = state.reduce(Action::Plan(PlanAction::Submit {
            route: PlanRoute::to(PlanPage::Helpers),
            form: Form::from([("helpers", "Priya")]),
        }));
        assert_eq!(stale.plan, None);
    }

    #[test]
    fn the_plan_is_saved_and_restored_with_the_answers() {
        let state = add_goal(ready(PlanPage::Tasks), "Swim again");
        let document = state.document().unwrap().to_json();
        let restored = Rc::new(State::new()).reduce(Action::Loaded(Box::new(Loaded {
            schemes: vec![scheme()],
            date: "2026-06-01".parse().unwrap(),
            stored: Some(document),
            storage_works: true,
            route: None,
            config: Rc::default(),
            language: ("en".into(), false),
            words: crate::text::Words(crate::text::english()),
        })));
        assert_eq!(restored.plan, state.plan);
        assert_eq!(restored.resume, Route::Plan(PlanRoute::to(PlanPage::Goals)));
    }
}
