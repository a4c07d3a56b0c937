//! Form fields in GOV.UK markup for pages with several questions: text areas, inputs
//! (with a `£` prefix for money), radios (with hints and one conditional reveal),
//! checkboxes and date inputs. Ids follow [`crate::plan::ids`].
//!
//! A conditional reveal is shown by the stylesheet while its radio is chosen (`:has`), so
//! it needs no state; its fields are always in the form, and reading the form ignores
//! them unless their radio was chosen.

use crate::components::{described_by, error_message, hint};
use crate::plan::ids::{self, DatePart};
use crate::text::text;
use yew::prelude::*;

/// What a text field or group of choices shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct Field<'a> {
    /// The field's id and name (for a group, its first item's id).
    pub id: &'a str,
    /// The question.
    pub label: &'a str,
    /// Help under the question.
    pub hint: Option<&'a str>,
    /// The error, if there is one.
    pub error: Option<&'a str>,
    /// Whether the question is the page's heading.
    pub heading: bool,
    /// Whether the question is inside another's conditional reveal, so shown smaller.
    pub nested: bool,
}

impl<'a> Field<'a> {
    /// A field with a label and nothing else yet.
    pub fn new(id: &'a str, label: &'a str) -> Field<'a> {
        Field {
            id,
            label,
            ..Field::default()
        }
    }

    /// With a hint.
    pub fn hint(self, hint: &'a str) -> Field<'a> {
        Field {
            hint: Some(hint),
            ..self
        }
    }

    /// With an error, when there is one.
    pub fn error(self, error: Option<&'a str>) -> Field<'a> {
        Field { error, ..self }
    }

    /// Inside another question's conditional reveal.
    pub fn nested(self) -> Field<'a> {
        Field {
            nested: true,
            ..self
        }
    }

    /// As the page's heading.
    pub fn heading(self) -> Field<'a> {
        Field {
            heading: true,
            ..self
        }
    }

    fn group(&self) -> Classes {
        classes!(
            "govuk-form-group",
            self.error.is_some().then_some("govuk-form-group--error")
        )
    }

    fn described_by(&self) -> Option<String> {
        described_by(self.id, self.hint.is_some(), self.error.is_some())
    }

    fn hint_and_error(&self) -> Html {
        html! {
            <>
                if let Some(words) = self.hint {
                    { hint(self.id, words) }
                }
                if let Some(message) = self.error {
                    { error_message(self.id, message) }
                }
            </>
        }
    }

    /// A label, as the page's heading when asked.
    fn label(&self) -> Html {
        if self.heading {
            html! {
                <h1 class="govuk-label-wrapper" tabindex="-1">
                    <label class="govuk-label govuk-label--l" for={self.id.to_owned()}>{ self.label.to_owned() }</label>
                </h1>
            }
        } else {
            let class = classes!("govuk-label", (!self.nested).then_some("govuk-label--m"));
            html! { <label {class} for={self.id.to_owned()}>{ self.label.to_owned() }</label> }
        }
    }

    /// A legend, holding the page's heading when asked.
    fn legend(&self) -> Html {
        if self.heading {
            html! {
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                    <h1 class="govuk-fieldset__heading" tabindex="-1">{ self.label.to_owned() }</h1>
                </legend>
            }
        } else {
            let class = classes!(
                "govuk-fieldset__legend",
                (!self.nested).then_some("govuk-fieldset__legend--m")
            );
            html! { <legend {class}>{ self.label.to_owned() }</legend> }
        }
    }
}

/// A GOV.UK textarea holding `value`.
pub fn text_area(field: Field, value: &str) -> Html {
    let class = classes!(
        "govuk-textarea",
        field.error.is_some().then_some("govuk-textarea--error")
    );
    html! {
        <div class={field.group()}>
            { field.label() }
            { field.hint_and_error() }
            <textarea {class} id={field.id.to_owned()} name={field.id.to_owned()} rows="3"
                aria-describedby={field.described_by()} value={value.to_owned()} />
        </div>
    }
}

/// A GOV.UK text input for a number holding `value`, with a decimal keypad on phones, a
/// GOV.UK `width` class, and a `prefix` (like `£`) hidden from screen readers because the
/// hint says the same.
pub fn number_input(field: Field, value: &str, width: &'static str, prefix: Option<&str>) -> Html {
    let class = classes!(
        "govuk-input",
        width,
        field.error.is_some().then_some("govuk-input--error")
    );
    html! {
        <div class={field.group()}>
            { field.label() }
            { field.hint_and_error() }
            <div class="govuk-input__wrapper">
                if let Some(prefix) = prefix {
                    <div class="govuk-input__prefix" aria-hidden="true">{ prefix.to_owned() }</div>
                }
                <input {class} id={field.id.to_owned()} name={field.id.to_owned()} type="text"
                    inputmode="decimal" spellcheck="false" autocomplete="off"
                    aria-describedby={field.described_by()} value={value.to_owned()} />
            </div>
        </div>
    }
}

/// One radio or checkbox.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// What it sends.
    pub value: String,
    /// What it says.
    pub label: String,
    /// More about it, under the label.
    pub hint: Option<String>,
}

impl Choice {
    /// A choice without a hint.
    pub fn new(value: impl Into<String>, label: impl Into<String>) -> Choice {
        Choice {
            value: value.into(),
            label: label.into(),
            hint: None,
        }
    }

    /// A choice with a hint, when there is one.
    pub fn hinted(
        value: impl Into<String>,
        label: impl Into<String>,
        hint: Option<String>,
    ) -> Choice {
        Choice {
            hint,
            ..Choice::new(value, label)
        }
    }
}

/// How a group of choices is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Radios, one under another.
    Radios,
    /// Radios side by side, for short answers like yes and no.
    InlineRadios,
    /// Checkboxes.
    Checkboxes,
}

/// GOV.UK radios or checkboxes with `chosen` values ticked; `reveal` is shown under the
/// choice with its value while that choice is chosen.
pub fn choices(
    field: Field,
    kind: Kind,
    choices: &[Choice],
    chosen: &[String],
    reveal: Option<(&str, Html)>,
) -> Html {
    let (block, input_type) = match kind {
        Kind::Checkboxes => ("govuk-checkboxes", "checkbox"),
        Kind::Radios | Kind::InlineRadios => ("govuk-radios", "radio"),
    };
    let items = choices.iter().enumerate().map(|(n, choice)| {
        let id = ids::item(field.id, n);
        let hint_id = choice.hint.as_ref().map(|_| format!("{id}-item-hint"));
        let revealed = reveal
            .as_ref()
            .filter(|(value, _)| *value == choice.value)
            .map(|(_, content)| {
                html! {
                    <div class={format!("{block}__conditional waymark-reveal")}>{ content.clone() }</div>
                }
            });
        html! {
            <>
                <div class={format!("{block}__item")}>
                    <input class={format!("{block}__input")} id={id.clone()} name={field.id.to_owned()}
                        type={input_type} value={choice.value.clone()}
                        checked={chosen.contains(&choice.value)} aria-describedby={hint_id.clone()} />
                    <label class={format!("govuk-label {block}__label")} for={id}>{ &choice.label }</label>
                    if let (Some(words), Some(hint_id)) = (&choice.hint, hint_id) {
                        <div id={hint_id} class={format!("govuk-hint {block}__hint")}>{ words }</div>
                    }
                </div>
                { for revealed }
            </>
        }
    });
    let class = classes!(
        block,
        (kind == Kind::InlineRadios).then_some("govuk-radios--inline")
    );
    html! {
        <div class={field.group()}>
            <fieldset class="govuk-fieldset" aria-describedby={field.described_by()}>
                { field.legend() }
                { field.hint_and_error() }
                <div {class}>{ for items }</div>
            </fieldset>
        </div>
    }
}

/// A GOV.UK date input; `parts` are what the day, month and year hold. With an error, the
/// parts left blank are marked, or all three when none is blank.
pub fn date_input(field: Field, parts: &[String; 3]) -> Html {
    let t = &text().plan;
    let error = field.error.is_some();
    let any_blank = parts.iter().any(|p| p.trim().is_empty());
    let labels = [&t.date_day, &t.date_month, &t.date_year];
    let items = DatePart::ALL
        .into_iter()
        .zip(parts)
        .zip(labels)
        .map(|((part, value), words)| {
            let id = ids::date_part(field.id, part);
            let marked = error && (!any_blank || value.trim().is_empty());
            let width = if part == DatePart::Year {
                "govuk-input--width-4"
            } else {
                "govuk-input--width-2"
            };
            let class = classes!(
                "govuk-input",
                "govuk-date-input__input",
                width,
                marked.then_some("govuk-input--error")
            );
            html! {
                <div class="govuk-date-input__item">
                    <div class="govuk-form-group">
                        <label class="govuk-label govuk-date-input__label" for={id.clone()}>{ words }</label>
                        <input {class} id={id.clone()} name={id} type="text" inputmode="numeric"
                            autocomplete="off" spellcheck="false" value={value.clone()} />
                    </div>
                </div>
            }
        });
    html! {
        <div class={field.group()}>
            <fieldset class="govuk-fieldset" role="group" aria-describedby={field.described_by()}>
                { field.legend() }
                { field.hint_and_error() }
                <div class="govuk-date-input" id={field.id.to_owned()}>{ for items }</div>
            </fieldset>
        </div>
    }
}
