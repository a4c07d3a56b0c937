//! What the scheme's checks found, and any structural issues, in two groups: what needs
//! changing before the plan is sent, and things to think about. Each item links to the
//! field it is about. The words are the scheme's own, written to help rather than scold.

use crate::plan::locate::{issue_message, item_name, locate, Target};
use crate::plan::route::{PlanPage, PlanRoute};
use crate::plan::status::part_name;
use crate::route::Route;
use crate::text::text;
use waymark_engine::plan::{Finding, Plan, Severity};
use waymark_engine::{Issue, Scheme};
use yew::prelude::*;

/// Told the page and field when a finding's link is followed.
pub type OnShow = Callback<(PlanPage, Option<String>)>;

/// One thing to show: where it is, and what to say.
struct Item {
    target: Target,
    name: String,
    detail: Option<String>,
    message: String,
}

impl Item {
    fn new(plan: &Plan, path: &str, detail: Option<&str>, message: String) -> Item {
        let target = locate(path, plan);
        let name =
            item_name(path, plan).map_or_else(|| part_name(&target.page).to_owned(), str::to_owned);
        Item {
            detail: detail.filter(|d| *d != name).map(str::to_owned),
            target,
            name,
            message,
        }
    }
}

/// The `findings` and `issues` about `plan`, blocking ones first, or a line saying nothing
/// needs changing (`so_far` when some parts of the plan are not started yet); `level` is
/// the heading level of each group, like `h3`.
pub fn findings(
    scheme: &Scheme,
    plan: &Plan,
    findings: &[&Finding],
    issues: &[Issue],
    level: &str,
    so_far: bool,
    onshow: &OnShow,
) -> Html {
    let t = &text().plan;
    let from_finding = |f: &&Finding| {
        let detail = waymark_words::plan::detail(text(), scheme, plan, f);
        let message = waymark_words::plan::message(text(), scheme, f).to_owned();
        Item::new(plan, &f.path, detail.as_deref(), message)
    };
    let blocking: Vec<Item> = issues
        .iter()
        .map(|i| Item::new(plan, &i.path, None, issue_message(i, None)))
        .chain(
            findings
                .iter()
                .filter(|f| f.severity == Severity::Blocks)
                .map(from_finding),
        )
        .collect();
    let advice: Vec<Item> = findings
        .iter()
        .filter(|f| f.severity == Severity::Advice)
        .map(from_finding)
        .collect();
    if blocking.is_empty() && advice.is_empty() {
        let words = if so_far {
            &t.findings_none_so_far
        } else {
            &t.findings_none
        };
        return html! { <p class="govuk-body waymark-findings-none">{ words }</p> };
    }
    let group = |items: Vec<Item>, title: &str, class: &str| {
        if items.is_empty() {
            return Html::default();
        }
        html! {
            <div class={classes!("waymark-findings", class.to_owned())}>
                <@{level.to_owned()} class="govuk-heading-s">{ title.to_owned() }</@>
                <ul class="govuk-list waymark-findings__list">
                    { for items.into_iter().map(|i| view(i, onshow)) }
                </ul>
            </div>
        }
    };
    html! {
        <>
            { group(blocking, &t.findings_blocking, "waymark-findings--blocking") }
            { group(advice, &t.findings_advice, "waymark-findings--advice") }
        </>
    }
}

fn view(item: Item, onshow: &OnShow) -> Html {
    let href = Route::Plan(PlanRoute::to(item.target.page.clone())).hash();
    let onclick = {
        let onshow = onshow.clone();
        let Target { page, field } = item.target;
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            onshow.emit((page.clone(), field.clone()));
        })
    };
    html! {
        <li class="waymark-finding">
            <a class="govuk-link waymark-finding__link" {href} {onclick}>{ item.name }</a>
            if let Some(detail) = item.detail {
                <p class="govuk-body-s waymark-finding__detail">{ detail }</p>
            }
            <p class="govuk-body-s waymark-finding__message">{ item.message }</p>
        </li>
    }
}
