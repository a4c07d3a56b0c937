//! The plan's pages, in the journey's style: a task list of the plan's parts, one page for
//! each part with a real form, "Check your plan", and beside (or, on a phone, below) every
//! page a live summary of the budget, the spending and the findings, which the state works
//! out once for each change to the plan or the answers.
//!
//! Pages read the state and send [`PlanAction`]s; what was typed is read from the form
//! only when it is sent, so errors appear only then, GOV.UK style.

mod check;
mod contingency;
mod dates;
mod find;
mod goals;
mod holding;
mod notes;
mod supports;
mod tasks;

use crate::answer::FieldError;
use crate::components::plan::{findings, spending, totals, OnShow};
use crate::dom::forms;
use crate::plan::ids::{self, DatePart};
use crate::plan::locate::locate;
use crate::plan::route::{heading, PlanPage, PlanRoute};
use crate::plan::status::started;
use crate::plan::PlanAction;
use crate::route::Route;
use crate::state::{Action, State, Worked};
use crate::text::{fill, text};
use std::rc::Rc;
use waymark_engine::plan::Finding;
use waymark_engine::Date;
use yew::prelude::*;

/// What every plan page draws from.
struct Page<'a> {
    store: &'a UseReducerHandle<State>,
    route: &'a PlanRoute,
    worked: &'a Worked,
}

impl Page<'_> {
    fn state(&self) -> &State {
        self.store
    }

    /// The error on the field `id`, if there is one.
    fn error(&self, id: &str) -> Option<&str> {
        self.state()
            .errors
            .iter()
            .find(|e| e.field == id)
            .map(|e| e.message.as_str())
    }

    /// The error on any part of the date `id` (`{id}-day` and so on), if there is one.
    fn date_error(&self, id: &str) -> Option<&str> {
        let prefix = format!("{id}-");
        self.state()
            .errors
            .iter()
            .find(|e: &&FieldError| e.field.starts_with(&prefix))
            .map(|e| e.message.as_str())
    }

    /// What a field shows: what was typed when the form came back with errors, otherwise
    /// what the plan holds.
    fn shown(&self, id: &str, saved: impl FnOnce() -> String) -> String {
        match &self.state().plan_form {
            Some(form) => form.text(id).to_owned(),
            None => saved(),
        }
    }

    /// What a group of radios or checkboxes shows as chosen.
    fn chosen(&self, id: &str, saved: impl FnOnce() -> Vec<String>) -> Vec<String> {
        match &self.state().plan_form {
            Some(form) => form.all(id).map(str::to_owned).collect(),
            None => saved(),
        }
    }

    /// A date's day, month and year as the form shows them.
    fn date_parts(&self, id: &str, saved: Option<Date>) -> [String; 3] {
        DatePart::ALL.map(|part| {
            self.shown(&ids::date_part(id, part), || {
                saved.map_or_else(String::new, |d| match part {
                    DatePart::Day => d.day().to_string(),
                    DatePart::Month => d.month().to_string(),
                    DatePart::Year => d.year().to_string(),
                })
            })
        })
    }

    /// Sends the page's form as it is.
    fn submit(&self) -> Callback<SubmitEvent> {
        let (store, route) = (self.store.clone(), self.route.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            store.dispatch(Action::Plan(PlanAction::Submit {
                route: route.clone(),
                form: forms::posted(&event),
            }));
        })
    }

    /// The page's heading.
    fn heading(&self) -> Html {
        html! { <h1 class="govuk-heading-xl" tabindex="-1">{ heading(&self.route.page) }</h1> }
    }
}

/// The page for a plan route.
pub fn page(store: &UseReducerHandle<State>, route: &PlanRoute) -> Html {
    let Some(worked) = &store.worked else {
        return Html::default();
    };
    let page = Page {
        store,
        route,
        worked,
    };
    match &route.page {
        PlanPage::Tasks => tasks::view(&page),
        PlanPage::Goals => goals::list(&page),
        PlanPage::Goal(_) => goals::form(&page),
        PlanPage::RemoveGoal(_) | PlanPage::RemoveSupport(_) => supports::remove(&page),
        PlanPage::Supports => supports::list(&page),
        PlanPage::Find => find::view(&page),
        PlanPage::Support(_) => supports::form(&page),
        PlanPage::Contingency => contingency::view(&page),
        PlanPage::Crisis => notes::crisis(&page),
        PlanPage::Risks => notes::risks(&page),
        PlanPage::Helpers => notes::helpers(&page),
        PlanPage::Holding => holding::view(&page),
        PlanPage::Dates => dates::view(&page),
        PlanPage::Check => check::view(&page),
    }
}

/// Where a plan page's back link goes: the task list's goes to the result.
pub fn back(route: &PlanRoute) -> Route {
    route.back().map_or(Route::Result, Route::Plan)
}

/// The live summary beside a plan page, except on "Check your plan", which shows it all:
/// the totals, the findings about parts started, and spending as charts.
pub fn aside(store: &UseReducerHandle<State>) -> Option<Html> {
    let Route::Plan(route) = &store.route else {
        return None;
    };
    if route.page == PlanPage::Check {
        return None;
    }
    let worked = store.worked.clone()?;
    Some(html! {
        <Summary {worked} dispatch={store.dispatcher()} language={text().language.clone()} />
    })
}

/// What the live summary is drawn from.
#[derive(Properties)]
struct SummaryProps {
    worked: Rc<Worked>,
    dispatch: UseReducerDispatcher<State>,
    /// The page's language, so a switch draws it again in the new one.
    language: AttrValue,
}

/// The summary is drawn again only when the plan or the answers were worked out again, not
/// when something else changes, such as each keystroke in "Find local support".
impl PartialEq for SummaryProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.worked, &other.worked)
            && self.dispatch == other.dispatch
            && self.language == other.language
    }
}

/// The live summary: the totals, the findings about parts started, and spending as charts.
#[function_component]
fn Summary(props: &SummaryProps) -> Html {
    let t = &text().plan;
    let worked = &*props.worked;
    let scheme = &worked.scheme;
    html! {
        <aside class="waymark-plan-summary" aria-labelledby="plan-summary-heading">
            <h2 class="govuk-heading-m" id="plan-summary-heading">{ &t.summary_heading }</h2>
            if let Some(costing) = worked.costing() {
                { totals(costing, &worked.plan, scheme.period, scheme.currency) }
            }
            { plan_findings(&props.dispatch, worked, "h3", false) }
            if let Some(costing) = worked.costing() {
                { spending(scheme, &worked.plan, costing, "h3") }
            }
        </aside>
    }
}

/// The findings for a worked plan: all of them, or only those about parts started.
fn plan_findings(
    dispatch: &UseReducerDispatcher<State>,
    worked: &Worked,
    level: &str,
    all: bool,
) -> Html {
    let shown: Vec<&Finding> = worked
        .findings()
        .iter()
        .filter(|f| all || started(&worked.plan, &locate(&f.path, &worked.plan).page))
        .collect();
    let onshow: OnShow = {
        let dispatch = dispatch.clone();
        Callback::from(move |(page, field)| {
            dispatch.dispatch(Action::Plan(PlanAction::Show { page, field }));
        })
    };
    let so_far = shown.len() < worked.findings().len();
    findings(
        &worked.scheme,
        &worked.plan,
        &shown,
        worked.issues(),
        level,
        so_far,
        &onshow,
    )
}

/// The button that sends a plan page's form, and the way to come back later.
fn buttons() -> Html {
    let t = text();
    html! {
        <>
            <button type="submit" class="govuk-button">{ &t.plan.save_button }</button>
            <p class="govuk-body">
                <a class="govuk-link" href={Route::Saved.hash()}>{ &t.app.save_and_return }</a>
            </p>
        </>
    }
}

/// On the result page: the way into the plan.
pub fn invitation(state: &State) -> Html {
    let t = &text().plan;
    let Some(scheme) = state.scheme() else {
        return Html::default();
    };
    let start = Route::Plan(PlanRoute::to(PlanPage::Tasks));
    let words = if state.plan.is_some() {
        &t.invite_continue
    } else {
        &t.invite_start
    };
    html! {
        <div class="waymark-no-print">
            <h2 class="govuk-heading-l">{ &t.invite_heading }</h2>
            <p class="govuk-body">{ fill(&t.invite_body, &[("owner", text().say(&scheme.owner))]) }</p>
            <a href={start.hash()} class="govuk-button" draggable="false" id="make-plan">{ words }</a>
        </div>
    }
}

/// In the result page's print view: the plan, its costing and findings, when there is one.
pub fn printed(store: &UseReducerHandle<State>) -> Html {
    match store.worked.as_deref().filter(|_| store.plan.is_some()) {
        Some(worked) => check::printed(store, worked),
        None => Html::default(),
    }
}
