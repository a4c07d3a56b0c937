//! Every piece of interface text, in one catalogue ready for translation.
//!
//! Scheme text (questions, options, help, the council's introduction and next steps) comes
//! from the scheme file; everything else a person reads is here. A translation is another
//! [`Text`] value. Templates name their blanks in braces (`{n}`), so a translation may put
//! them in any order; [`fill`] puts the values in.

/// The interface text in one language.
#[derive(Debug)]
pub struct Text {
    /// The service's name, in the header and page titles.
    pub service_name: &'static str,
    /// Said in the header when no council is known yet.
    pub service_owner_fallback: &'static str,
    /// The footer's promise about privacy.
    pub footer_privacy: &'static str,
    /// The footer's words when the portal around the page is told each new estimate.
    pub footer_estimates_shared: &'static str,
    /// The footer's link to the saved-answers page.
    pub footer_saved_link: &'static str,
    /// Shown while the scheme loads.
    pub loading: &'static str,
    /// Heading when the service could not start.
    pub load_failed_heading: &'static str,
    /// What to do when the service could not start.
    pub load_failed_body: &'static str,
    /// Why the service could not start: the device's date could not be read.
    pub load_failed_date: &'static str,
    /// Summary of the details about why the service could not start.
    pub load_failed_details: &'static str,

    /// Start page: what the service does.
    pub start_what: &'static str,
    /// Start page: the estimate is a starting point.
    pub start_estimate: &'static str,
    /// Start page: how long it takes. Blanks: `{minutes}`.
    pub start_time: &'static str,
    /// Start page: the privacy promise.
    pub start_privacy: &'static str,
    /// Start page: the start button.
    pub start_button: &'static str,
    /// Start page: the question when there are several schemes.
    pub start_choose_legend: &'static str,
    /// Start page: error when no scheme was chosen.
    pub start_choose_error: &'static str,
    /// Start page: saved answers exist. Blanks: `{date}`.
    pub start_saved: &'static str,
    /// Button that resumes saved answers.
    pub continue_saved: &'static str,
    /// Start page: link to load answers from a file.
    pub start_load_file: &'static str,
    /// Start page: today is outside the scheme's dates.
    /// Blanks: `{title}`, `{dates}`, `{today}`, `{owner}`.
    pub start_not_covered: &'static str,
    /// A date range. Blanks: `{from}`, `{to}`.
    pub date_range: &'static str,
    /// An open-ended date range. Blanks: `{from}`.
    pub date_range_open: &'static str,

    /// "Question 3 of 9". Blanks: `{n}`, `{total}`.
    pub question_n_of: &'static str,
    /// The back link.
    pub back: &'static str,
    /// The button that submits a question.
    pub continue_button: &'static str,
    /// Summary of a question's help.
    pub help_summary: &'static str,
    /// Link to the saved-answers page from questions and the task list.
    pub save_and_return: &'static str,
    /// The "yes" option of a yes/no question.
    pub yes: &'static str,
    /// The "no" option of a yes/no question.
    pub no: &'static str,
    /// Hint for a whole-number question. Blanks: `{min}`, `{max}`.
    pub hint_whole_number: &'static str,
    /// Hint for a number question. Blanks: `{min}`, `{max}`.
    pub hint_number: &'static str,
    /// Hint for a money question. Blanks: `{min}`, `{max}`.
    pub hint_money: &'static str,

    /// Title of the error summary.
    pub error_summary_title: &'static str,
    /// Visually hidden before each inline error.
    pub error_prefix: &'static str,
    /// Visually hidden before warning text.
    pub warning: &'static str,
    /// Before the page title when the page shows errors.
    pub title_error_prefix: &'static str,
    /// No option chosen.
    pub error_choose: &'static str,
    /// Neither yes nor no chosen.
    pub error_yes_no: &'static str,
    /// No number typed.
    pub error_number_missing: &'static str,
    /// Not a number.
    pub error_number_invalid: &'static str,
    /// Not a whole number.
    pub error_number_whole: &'static str,
    /// Number out of range. Blanks: `{min}`, `{max}`.
    pub error_number_range: &'static str,
    /// No amount typed.
    pub error_money_missing: &'static str,
    /// Not an amount.
    pub error_money_invalid: &'static str,
    /// More than two decimal places.
    pub error_money_pence: &'static str,
    /// Amount out of range. Blanks: `{min}`, `{max}`.
    pub error_money_range: &'static str,

    /// Task list heading.
    pub tasks_heading: &'static str,
    /// Task list introduction.
    pub tasks_intro: &'static str,
    /// How many parts are done. Blanks: `{done}`, `{total}`.
    pub tasks_progress: &'static str,
    /// Status: every question answered.
    pub status_completed: &'static str,
    /// Status: some questions answered.
    pub status_incomplete: &'static str,
    /// Status: nothing answered yet.
    pub status_not_started: &'static str,
    /// Status: depends on another part.
    pub status_cannot_start: &'static str,
    /// The last task: check answers and see the estimate.
    pub tasks_check: &'static str,

    /// Check-your-answers heading.
    pub check_heading: &'static str,
    /// Visible text of a change link.
    pub change: &'static str,
    /// Heading above the estimate on check your answers.
    pub check_estimate_heading: &'static str,
    /// Before the amount on check your answers.
    pub check_estimate_lead: &'static str,
    /// Said on check your answers when the answers give no budget.
    pub check_not_eligible: &'static str,
    /// The button to the result page.
    pub check_see_result: &'static str,

    /// Result page heading.
    pub result_heading: &'static str,
    /// After a yearly amount.
    pub a_year: &'static str,
    /// After a one-off amount.
    pub one_off: &'static str,
    /// The weekly amount under the yearly one. Blanks: `{weekly}`.
    pub about_a_week: &'static str,
    /// Lead-in to the amount in the panel.
    pub panel_lead: &'static str,
    /// What the amount means, in hopeful words. Blanks: `{owner}`.
    pub result_hope: &'static str,
    /// Heading of the council's next steps.
    pub next_steps_heading: &'static str,
    /// Heading of the explanation.
    pub worked_out_heading: &'static str,
    /// Which scheme was used. Blanks: `{title}`, `{version}`, `{owner}`, `{dates}`.
    pub worked_out_scheme: &'static str,
    /// Which date's figures were used. Blanks: `{date}`.
    pub worked_out_date: &'static str,
    /// Lead-in to a step's recorded reason.
    pub step_reason: &'static str,
    /// A parameter used by a step. Blanks: `{label}`, `{value}`, `{dates}`.
    pub step_parameter: &'static str,
    /// Summary of the answers a step used.
    pub step_answers: &'static str,
    /// An answer's points. Blanks: `{question}`, `{answer}`, `{value}`.
    pub step_points: &'static str,
    /// A number or money answer used as it is. Blanks: `{question}`, `{answer}`.
    pub step_answer: &'static str,
    /// A band of a table. Blanks: `{band}`.
    pub step_band: &'static str,
    /// The document a parameter comes from. Blanks: `{reference}`.
    pub step_reference: &'static str,
    /// Heading of "what could change this".
    pub change_heading: &'static str,
    /// Introduction to "what could change this".
    pub change_intro: &'static str,
    /// The current answer. Blanks: `{answer}`.
    pub you_answered: &'static str,
    /// An alternative answer and its amount. Blanks: `{answer}`, `{amount}`, `{difference}`.
    pub alternative: &'static str,
    /// A rise. Blanks: `{amount}`.
    pub more: &'static str,
    /// A fall. Blanks: `{amount}`.
    pub less: &'static str,
    /// An alternative that gives no budget. Blanks: `{answer}`.
    pub alternative_not_eligible: &'static str,
    /// An alternative that would bring up more questions. Blanks: `{answer}`.
    pub alternative_more_questions: &'static str,
    /// When no single answer would change the amount.
    pub nothing_changes: &'static str,
    /// Heading of the disagreement notes.
    pub disagree_heading: &'static str,
    /// Hint of the disagreement notes. Blanks: `{owner}`.
    pub disagree_hint: &'static str,
    /// Button that saves the notes.
    pub disagree_save: &'static str,
    /// Confirmation that the notes are saved.
    pub notes_saved: &'static str,
    /// The print button.
    pub print: &'static str,
    /// The download button.
    pub download: &'static str,
    /// Link back to check your answers.
    pub check_link: &'static str,
    /// Print-only heading of the answers.
    pub print_answers_heading: &'static str,
    /// Heading when the estimate could not be made.
    pub estimate_failed_heading: &'static str,
    /// What to do when the estimate could not be made. Blanks: `{owner}`.
    pub estimate_failed_body: &'static str,

    /// Saved-answers page heading.
    pub saved_heading: &'static str,
    /// How saving works.
    pub saved_intro: &'static str,
    /// When the answers were last saved. Blanks: `{date}`.
    pub saved_when: &'static str,
    /// Nothing is saved.
    pub saved_none: &'static str,
    /// The browser will not store anything.
    pub storage_unavailable: &'static str,
    /// Heading of the export section.
    pub export_heading: &'static str,
    /// What exporting is for.
    pub export_body: &'static str,
    /// Heading of the import section.
    pub import_heading: &'static str,
    /// Label of the file input.
    pub import_label: &'static str,
    /// Hint of the file input.
    pub import_hint: &'static str,
    /// The import button.
    pub import_button: &'static str,
    /// No file chosen.
    pub import_error_none: &'static str,
    /// The file could not be read.
    pub import_error_unreadable: &'static str,
    /// Heading of the delete section.
    pub delete_section_heading: &'static str,
    /// What deleting does.
    pub delete_section_body: &'static str,
    /// The link to delete the answers.
    pub delete_link: &'static str,

    /// Delete confirmation heading.
    pub delete_heading: &'static str,
    /// Delete confirmation warning.
    pub delete_warning: &'static str,
    /// Button that deletes.
    pub delete_confirm: &'static str,
    /// Link that keeps the answers.
    pub delete_cancel: &'static str,

    /// Title of a success banner.
    pub banner_success: &'static str,
    /// Title of an important-information banner.
    pub banner_important: &'static str,
    /// The answers were deleted.
    pub deleted: &'static str,
    /// The answers were loaded from a file.
    pub imported: &'static str,
    /// The scheme changed since saving. Blanks: `{old}`, `{new}`.
    pub scheme_changed: &'static str,
    /// Saved answers to questions no longer asked. Blanks: `{count}`.
    pub answers_dropped: &'static str,
    /// Button that downloads saved data as it was.
    pub download_original: &'static str,

    /// Heading when saved data cannot be read.
    pub recovery_heading: &'static str,
    /// The saved data is damaged.
    pub recovery_damaged: &'static str,
    /// The saved data is in an unknown format version. Blanks: `{version}`.
    pub recovery_version: &'static str,
    /// The saved data is not ours.
    pub recovery_foreign: &'static str,
    /// The saved data is for a scheme not offered. Blanks: `{scheme}`.
    pub recovery_scheme: &'static str,
    /// Nothing has been deleted.
    pub recovery_kept: &'static str,
    /// Button that downloads the unreadable data.
    pub recovery_download: &'static str,
    /// Warning before starting again.
    pub recovery_warning: &'static str,
    /// Button that deletes the unreadable data.
    pub recovery_start_again: &'static str,

    /// Month names, January first.
    pub months: [&'static str; 12],
    /// A long date. Blanks: `{day}`, `{month}`, `{year}`.
    pub long_date: &'static str,

    /// The recovery support plan's pages.
    pub plan: &'static crate::plan::text::PlanText,
    /// Sending and its receipt.
    pub send: &'static crate::send::text::SendText,
}

/// English.
pub static EN: Text = Text {
    service_name: "Estimate a personal budget",
    service_owner_fallback: "Personal budgets",
    footer_privacy: "Your answers stay on this device. This service works out your estimate in your browser and sends nothing you type to anyone unless you choose to send it.",
    footer_estimates_shared: "The website this service is part of is told your estimate each time it changes: the amount only, never your answers.",
    footer_saved_link: "Your answers on this device",
    loading: "Loading…",
    load_failed_heading: "Sorry, there is a problem with the service",
    load_failed_body: "Try again later. If it still does not work, contact the council that runs this service.",
    load_failed_date: "the date on this device could not be read",
    load_failed_details: "Details for the council",

    start_what: "Use this service to find out roughly how much money you might get as a personal budget, to spend on support that helps your recovery.",
    start_estimate: "The amount is an estimate. It is a starting point for a conversation about your support, not a decision, and it can go up or down when your plan is agreed.",
    start_time: "It takes about {minutes} minutes. You can stop at any time and come back later on this device.",
    start_privacy: "Nothing you type leaves this device unless you choose to send it. There is no account and no sign-in.",
    start_button: "Start now",
    start_choose_legend: "What would you like an estimate for?",
    start_choose_error: "Select what you would like an estimate for",
    start_saved: "You have answers saved on this device from {date}.",
    continue_saved: "Continue where you left off",
    start_load_file: "Load answers you saved to a file",
    start_not_covered: "{title} covers {dates}, so it cannot give an estimate for today, {today}. Please contact {owner}.",
    date_range: "{from} to {to}",
    date_range_open: "from {from}",

    question_n_of: "Question {n} of {total}",
    back: "Back",
    continue_button: "Continue",
    help_summary: "Help with this question",
    save_and_return: "Save and come back later",
    yes: "Yes",
    no: "No",
    hint_whole_number: "Enter a whole number from {min} to {max}",
    hint_number: "Enter a number from {min} to {max}",
    hint_money: "Enter an amount in pounds from {min} to {max}, like 150 or 150.50",

    error_summary_title: "There is a problem",
    error_prefix: "Error:",
    warning: "Warning",
    title_error_prefix: "Error: ",
    error_choose: "Select an answer",
    error_yes_no: "Select yes or no",
    error_number_missing: "Enter a number",
    error_number_invalid: "Enter a number using digits, like 12",
    error_number_whole: "Enter a whole number, like 12",
    error_number_range: "Enter a number from {min} to {max}",
    error_money_missing: "Enter an amount in pounds",
    error_money_invalid: "Enter an amount in pounds using digits, like 150 or 150.50",
    error_money_pence: "Enter an amount in pounds and pence, like 150.50",
    error_money_range: "Enter an amount from {min} to {max}",

    tasks_heading: "Your self-assessment",
    tasks_intro: "Answer the questions in each part, in any order. You do not have to do them all at once: your answers are saved on this device as you go.",
    tasks_progress: "You have completed {done} of {total} parts.",
    status_completed: "Completed",
    status_incomplete: "Incomplete",
    status_not_started: "Not yet started",
    status_cannot_start: "Cannot start yet",
    tasks_check: "Check your answers and see your estimate",

    check_heading: "Check your answers",
    change: "Change",
    check_estimate_heading: "Your estimate",
    check_estimate_lead: "With these answers, your estimate is",
    check_not_eligible: "With these answers, a budget is not offered. The next page explains why and what you can do.",
    check_see_result: "See your estimate and how it was worked out",

    result_heading: "Your estimate",
    a_year: "a year",
    one_off: "as a single payment",
    about_a_week: "That is about {weekly} a week.",
    panel_lead: "You might get",
    result_hope: "This is money for support that helps your recovery, in a way that works for you. It is an estimate and a starting point: it can go up or down when your plan is agreed with {owner}, and you can always ask them to look at it again.",
    next_steps_heading: "What happens next",
    worked_out_heading: "How we worked this out",
    worked_out_scheme: "We used {title}, version {version}, from {owner}. This version covers {dates}.",
    worked_out_date: "The figures in force on {date} were used.",
    step_reason: "Reason:",
    step_parameter: "{label}: {value}, {dates}",
    step_answers: "The answers this step used",
    step_points: "{question} {answer}: {value} points",
    step_answer: "{question} {answer}",
    step_band: "band: {band}",
    step_reference: "set by {reference}",
    change_heading: "What could change this",
    change_intro: "Every answer counts. Here is what the estimate would be if one answer were different and the others stayed the same. If a different answer fits you better, you can change it.",
    you_answered: "You answered: {answer}",
    alternative: "{answer}: {amount} ({difference})",
    more: "{amount} more",
    less: "{amount} less",
    alternative_not_eligible: "{answer}: no budget on these answers",
    alternative_more_questions: "{answer}: you would be asked more questions first",
    nothing_changes: "No single different answer would change the amount.",
    disagree_heading: "Anything you disagree with",
    disagree_hint: "Write down anything you think is wrong or missing. This stays on this device with your answers. It is included when you print or download your answers, so you can talk it through with {owner}.",
    disagree_save: "Save what I have written",
    notes_saved: "What you wrote is saved on this device.",
    print: "Print this page",
    download: "Download your answers",
    check_link: "Check or change your answers",
    print_answers_heading: "Your answers",
    estimate_failed_heading: "We could not work out an estimate",
    estimate_failed_body: "Your answers are still saved on this device. Please contact {owner}, who can work it out with you.",

    saved_heading: "Your answers on this device",
    saved_intro: "Your answers are saved in this browser on this device as you go. You can close this page and come back to it later. Anyone who uses this device and browser could see them.",
    saved_when: "Last saved on {date}.",
    saved_none: "There are no answers saved on this device.",
    storage_unavailable: "This browser is not letting us save your answers, so they will be lost when you close this page. You can download them as a file instead.",
    export_heading: "Take your answers with you",
    export_body: "Download your answers as a file to move them to another device, or to take to a meeting.",
    import_heading: "Load answers from a file",
    import_label: "Upload a file",
    import_hint: "Choose a file you downloaded from this service. It replaces any answers saved on this device.",
    import_button: "Load answers",
    import_error_none: "Select a file",
    import_error_unreadable: "The selected file is not a file of answers this service can read",
    delete_section_heading: "Delete your answers",
    delete_section_body: "You can delete your answers from this device at any time.",
    delete_link: "Delete my answers from this device",

    delete_heading: "Are you sure you want to delete your answers from this device?",
    delete_warning: "You cannot undo this. If you might want your answers later, download them first.",
    delete_confirm: "Yes, delete my answers",
    delete_cancel: "No, keep my answers",

    banner_success: "Success",
    banner_important: "Important",
    deleted: "Your answers have been deleted from this device.",
    imported: "Your answers have been loaded from the file.",
    scheme_changed: "The scheme has changed since your answers were saved (from version {old} to version {new}). Please check your answers before you rely on the estimate.",
    answers_dropped: "Some of your saved answers ({count}) are to questions that are no longer asked, so they are not used.",
    download_original: "Download the answers as they were saved",

    recovery_heading: "We could not read your saved answers",
    recovery_damaged: "The answers saved on this device are damaged, so this service cannot read them.",
    recovery_version: "The answers saved on this device are in a format this service does not know (version {version}).",
    recovery_foreign: "What is saved on this device is not a set of answers this service can read.",
    recovery_scheme: "The answers saved on this device are for a scheme this service does not offer ({scheme}).",
    recovery_kept: "Nothing has been deleted. You can download what was saved, to keep it or to show to someone who can help.",
    recovery_download: "Download what was saved",
    recovery_warning: "Starting again deletes what was saved from this device.",
    recovery_start_again: "Delete it and start again",

    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    long_date: "{day} {month} {year}",

    plan: &crate::plan::text::EN,
    send: &crate::send::text::EN,
};

/// The catalogue in use.
pub fn text() -> &'static Text {
    &EN
}

/// Fills a template's blanks: each `{name}` becomes its value. Unknown blanks stay as they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_blanks_in_any_order() {
        assert_eq!(
            fill("Question {n} of {total}", &[("total", "9"), ("n", "3")]),
            "Question 3 of 9"
        );
        assert_eq!(fill("{a}{a}", &[("a", "x")]), "xx");
    }

    #[test]
    fn leaves_unknown_blanks_and_stray_braces() {
        assert_eq!(fill("{nope} and {", &[("n", "1")]), "{nope} and {");
        assert_eq!(fill("no blanks", &[]), "no blanks");
    }

    /// Every blank a template uses is one its field's documentation promises, so a
    /// translator knows what to keep.
    #[test]
    fn templates_use_only_documented_blanks() {
        let t = text();
        let cases: [(&str, &[&str]); 9] = [
            (t.start_time, &["minutes"]),
            (t.question_n_of, &["n", "total"]),
            (t.tasks_progress, &["done", "total"]),
            (t.start_not_covered, &["title", "dates", "today", "owner"]),
            (t.worked_out_scheme, &["title", "version", "owner", "dates"]),
            (t.alternative, &["answer", "amount", "difference"]),
            (t.scheme_changed, &["old", "new"]),
            (t.long_date, &["day", "month", "year"]),
            (t.step_parameter, &["label", "value", "dates"]),
        ];
        for (template, blanks) in cases {
            let values: Vec<(&str, &str)> = blanks.iter().map(|b| (*b, "")).collect();
            assert!(!fill(template, &values).contains('{'), "{template}");
        }
    }
}
