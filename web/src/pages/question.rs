//! One question on its own page, in GOV.UK markup: the question is the page's heading
//! (inside the legend for radios), with its part as a caption, progress, optional help,
//! and a Continue button in a real form. A practitioner's question has the reason for
//! the adjustment under it, in a GOV.UK character count.

use crate::answer::{self, NO, YES};
use crate::components::{described_by, details, error_message, form_group, hint};
use crate::dom::page;
use crate::route::Route;
use crate::state::{Action, State};
use crate::text::{fill, text};
use waymark_engine::scheme::{AnswerKind, Currency, Question};
use waymark_engine::Decimal;
use yew::prelude::*;

/// The page for question `id`. Its form is keyed by the question's id, so moving to another
/// question makes fresh inputs rather than reusing the last question's (and what was
/// chosen in them).
pub fn view(store: &UseReducerHandle<State>, id: &str) -> Html {
    let t = text();
    let state = &**store;
    let Some(scheme) = state.scheme() else {
        return Html::default();
    };
    let Some(position) = scheme.question_index(id) else {
        return Html::default();
    };
    let (Some(question), Some(section)) = (
        scheme.question_at(position),
        scheme
            .section_of(position)
            .and_then(|s| scheme.sections.get(s)),
    ) else {
        return Html::default();
    };
    let flow = state.flow(scheme);
    let caption = t.say(&section.title);
    let error_on = |field: &str| {
        state
            .errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| AttrValue::from(e.message.clone()))
    };
    let failed = !state.errors.is_empty();
    let saved = state.answers.0.get(&question.id);
    let value = match &state.draft {
        Some(draft) if failed => Some(draft.clone()),
        _ => answer::shown(saved),
    };
    let reason_id = answer::reason_field(&question.id);
    let reason = question.practitioner.then(|| Reason {
        error: error_on(&reason_id),
        value: match &state.reason_draft {
            Some(draft) if failed => draft.clone(),
            _ => answer::shown_reason(saved).unwrap_or_default(),
        },
        id: reason_id.clone(),
    });
    let onsubmit = {
        let store = store.clone();
        let id = question.id.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            store.dispatch(Action::Answer {
                id: id.clone(),
                posted: page::posted(&event, &id),
                reason: page::posted(&event, &reason_id),
            });
        })
    };
    let field = Field {
        question,
        caption,
        error: error_on(&question.id),
        value,
        currency: scheme.currency,
    };
    let progress = flow.position(&question.id).map(|(n, total)| {
        let words = fill(
            &t.app.question_n_of,
            &[("n", &n.to_string()), ("total", &total.to_string())],
        );
        html! {
            <div class="waymark-progress">
                <p class="govuk-body-s waymark-progress__text" id="progress-text">{ words }</p>
                <progress class="waymark-progress__bar" max={total.to_string()}
                    value={n.to_string()} aria-labelledby="progress-text"></progress>
            </div>
        }
    });
    html! {
        <>
            { for progress }
            <form key={question.id.clone()} novalidate=true {onsubmit}
                data-question-id={question.id.clone()}>
                { field.view() }
                if let Some(reason) = &reason {
                    { reason.view() }
                }
                <button type="submit" class="govuk-button">{ &t.app.continue_button }</button>
            </form>
            <p class="govuk-body">
                <a class="govuk-link" href={Route::Saved.hash()}>{ &t.app.save_and_return }</a>
            </p>
        </>
    }
}

/// The reason for a practitioner's adjustment: its field's id, what it holds, and its
/// error.
struct Reason {
    id: String,
    value: String,
    error: Option<AttrValue>,
}

impl Reason {
    /// A GOV.UK textarea with a character count's message, which says the limit.
    fn view(&self) -> Html {
        let t = text();
        let id = &self.id;
        let most = t.number(Decimal::from(waymark_engine::limits::REASON_CHARS));
        let info = format!("{id}-info");
        let described = match described_by(id, true, self.error.is_some()) {
            Some(ids) => format!("{ids} {info}"),
            None => info.clone(),
        };
        let class = classes!(
            "govuk-textarea",
            self.error.is_some().then_some("govuk-textarea--error")
        );
        html! {
            <div class={classes!(form_group(self.error.is_some()), "govuk-character-count")}>
                <h2 class="govuk-label-wrapper">
                    <label class="govuk-label govuk-label--m" for={id.clone()}>
                        { &t.app.reason_label }
                    </label>
                </h2>
                { hint(id, &t.app.reason_hint) }
                if let Some(message) = &self.error {
                    { error_message(id, message) }
                }
                <textarea {class} id={id.clone()} name={id.clone()} rows="5"
                    aria-describedby={described} value={self.value.clone()} />
                <div id={info} class="govuk-hint govuk-character-count__message">
                    { fill(&t.app.reason_count, &[("count", &most)]) }
                </div>
            </div>
        }
    }
}

/// What a question's field needs to draw itself.
struct Field<'a> {
    question: &'a Question,
    caption: &'a str,
    error: Option<AttrValue>,
    value: Option<String>,
    currency: Currency,
}

impl Field<'_> {
    fn view(&self) -> Html {
        let t = text();
        match &self.question.answer {
            AnswerKind::Choice(options) => {
                let items = options
                    .iter()
                    .map(|o| {
                        (
                            o.id.as_str(),
                            t.say(&o.label),
                            o.hint.as_ref().map(|h| t.say(h)),
                        )
                    })
                    .collect();
                self.radios(items, false)
            }
            AnswerKind::YesNo(_) => {
                self.radios(vec![(YES, &t.app.yes, None), (NO, &t.app.no, None)], true)
            }
            AnswerKind::Number(limits) => {
                self.text_input(None, limits.suffix.as_ref().map(|s| t.say(s)))
            }
            AnswerKind::Money(_) => {
                let (before, after) = t.currency_affixes(self.currency);
                self.text_input(
                    Some(before.as_str()).filter(|b| !b.is_empty()),
                    Some(after.as_str()).filter(|a| !a.is_empty()),
                )
            }
        }
    }

    fn group_class(&self) -> &'static str {
        form_group(self.error.is_some())
    }

    fn help(&self) -> Html {
        match &self.question.help {
            Some(help) => html! {
                { details(&text().app.help_summary, html! { <p class="govuk-body">{ text().say(help) }</p> }) }
            },
            None => Html::default(),
        }
    }

    fn error_message(&self) -> Html {
        match &self.error {
            Some(message) => html! {
                { error_message(&self.question.id, message) }
            },
            None => Html::default(),
        }
    }

    /// Radios: the first radio's id is the question's, the rest are numbered from 2.
    fn radios(&self, items: Vec<(&str, &str, Option<&str>)>, inline: bool) -> Html {
        let id = &self.question.id;
        let items = items.into_iter().enumerate().map(|(i, (value, label, hint))| {
            let input_id = if i == 0 {
                id.clone()
            } else {
                format!("{id}-{}", i + 1)
            };
            let hint_id = hint.map(|_| format!("{input_id}-item-hint"));
            html! {
                <div class="govuk-radios__item">
                    <input class="govuk-radios__input" id={input_id.clone()} name={id.clone()}
                        type="radio" value={value.to_owned()} aria-describedby={hint_id.clone()}
                        checked={self.value.as_deref() == Some(value)} />
                    <label class="govuk-label govuk-radios__label" for={input_id}>{ label }</label>
                    if let (Some(hint), Some(hint_id)) = (hint, hint_id) {
                        <div id={hint_id} class="govuk-hint govuk-radios__hint">{ hint }</div>
                    }
                </div>
            }
        });
        let class = if inline {
            "govuk-radios govuk-radios--inline"
        } else {
            "govuk-radios"
        };
        html! {
            <div class={self.group_class()}>
                <fieldset class="govuk-fieldset"
                    aria-describedby={described_by(id, false, self.error.is_some())}>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                        <span class="govuk-caption-l">{ self.caption }</span>
                        <h1 class="govuk-fieldset__heading" tabindex="-1">{ text().say(&self.question.text) }</h1>
                    </legend>
                    { self.help() }
                    { self.error_message() }
                    <div {class}>{ for items }</div>
                </fieldset>
            </div>
        }
    }

    /// A text input for a number or an amount, with a prefix (`£`) or suffix hidden from
    /// screen readers because the hint says the same.
    fn text_input(&self, prefix: Option<&str>, suffix: Option<&str>) -> Html {
        let id = &self.question.id;
        let hint_text = answer::hint(self.question, self.currency);
        let width = if prefix.is_some() {
            "govuk-input--width-10"
        } else {
            "govuk-input--width-5"
        };
        let class = classes!(
            "govuk-input",
            width,
            self.error.is_some().then_some("govuk-input--error")
        );
        html! {
            <div class={self.group_class()}>
                <span class="govuk-caption-l">{ self.caption }</span>
                <h1 class="govuk-label-wrapper" tabindex="-1">
                    <label class="govuk-label govuk-label--l" for={id.clone()}>
                        { text().say(&self.question.text) }
                    </label>
                </h1>
                if self.question.practitioner {
                    <div id={format!("{id}-hint")} class="govuk-hint">
                        { hint_text.clone().unwrap_or_default() }<br />
                        { &text().app.practitioner_hint }
                    </div>
                } else if let Some(words) = &hint_text {
                    { hint(id, words) }
                }
                { self.help() }
                { self.error_message() }
                <div class="govuk-input__wrapper">
                    if let Some(prefix) = prefix {
                        <div class="govuk-input__prefix" aria-hidden="true">{ prefix }</div>
                    }
                    <input {class} id={id.clone()} name={id.clone()} type="text"
                        inputmode="decimal" spellcheck="false" autocomplete="off"
                        aria-describedby={described_by(id, hint_text.is_some() || self.question.practitioner, self.error.is_some())}
                        value={self.value.clone().unwrap_or_default()} />
                    if let Some(suffix) = suffix {
                        <div class="govuk-input__suffix" aria-hidden="true">{ suffix }</div>
                    }
                </div>
            </div>
        }
    }
}
