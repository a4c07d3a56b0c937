//! The app's words: the start page, the questions, the result and the pages around them.

use super::read::catalogue;

catalogue! {
    /// The words of the app's pages, apart from the plan's and sending's.
    pub struct App {
        /// The skip link before the header, to the main content.
        pub skip_link: String,
        /// The name of the language switch, for screen readers.
        pub language_nav: String,
        /// The service's name, in the header and page titles.
        pub service_name: String,
        /// Said in the header when no council is known yet.
        pub service_owner_fallback: String,
        /// The footer's promise about privacy.
        pub footer_privacy: String,
        /// The footer's words when the portal around the page is told each new estimate.
        pub footer_estimates_shared: String,
        /// The footer's link to the saved-answers page.
        pub footer_saved_link: String,
        /// Shown while the scheme loads.
        pub loading: String,
        /// Heading when the service could not start.
        pub load_failed_heading: String,
        /// What to do when the service could not start.
        pub load_failed_body: String,
        /// Why the service could not start: the device's date could not be read.
        pub load_failed_date: String,
        /// Summary of the details about why the service could not start.
        pub load_failed_details: String,
        /// What to do when the app could not start in this browser (shown by `main.js`).
        pub start_failed_body: String,
        /// What to do when JavaScript is off (in `index.html`).
        pub noscript_body: String,
        /// Start page: what the service does.
        pub start_what: String,
        /// Start page: the estimate is a starting point.
        pub start_estimate: String,
        /// Start page: how long it takes. Blanks: `{minutes}`.
        pub start_time: String,
        /// Start page: the privacy promise.
        pub start_privacy: String,
        /// Start page: the start button.
        pub start_button: String,
        /// Start page: the question when there are several schemes.
        pub start_choose_legend: String,
        /// Start page: error when no scheme was chosen.
        pub start_choose_error: String,
        /// Start page: saved answers exist. Blanks: `{date}`.
        pub start_saved: String,
        /// Button that resumes saved answers.
        pub continue_saved: String,
        /// Start page: link to load answers from a file.
        pub start_load_file: String,
        /// Start page: today is outside the scheme's dates.
        /// Blanks: `{title}`, `{dates}`, `{today}`, `{owner}`.
        pub start_not_covered: String,
        /// "Question 3 of 9". Blanks: `{n}`, `{total}`.
        pub question_n_of: String,
        /// The back link.
        pub back: String,
        /// The button that submits a question.
        pub continue_button: String,
        /// Summary of a question's help.
        pub help_summary: String,
        /// Link to the saved-answers page from questions and the task list.
        pub save_and_return: String,
        /// The "yes" option of a yes/no question.
        pub yes: String,
        /// The "no" option of a yes/no question.
        pub no: String,
        /// Hint for a whole-number question. Blanks: `{min}`, `{max}`.
        pub hint_whole_number: String,
        /// Hint for a number question. Blanks: `{min}`, `{max}`.
        pub hint_number: String,
        /// Hint for a money question. Blanks: `{min}`, `{max}`.
        pub hint_money: String,
        /// Title of the error summary.
        pub error_summary_title: String,
        /// Visually hidden before each inline error.
        pub error_prefix: String,
        /// Visually hidden before warning text.
        pub warning: String,
        /// A page title when the page shows errors. Blanks: `{title}`.
        pub title_error: String,
        /// No option chosen.
        pub error_choose: String,
        /// Neither yes nor no chosen.
        pub error_yes_no: String,
        /// No number typed.
        pub error_number_missing: String,
        /// Not a number.
        pub error_number_invalid: String,
        /// Not a whole number.
        pub error_number_whole: String,
        /// Number out of range. Blanks: `{min}`, `{max}`.
        pub error_number_range: String,
        /// No amount typed.
        pub error_money_missing: String,
        /// Not an amount.
        pub error_money_invalid: String,
        /// More than two decimal places.
        pub error_money_pence: String,
        /// Amount out of range. Blanks: `{min}`, `{max}`.
        pub error_money_range: String,
        /// Task list heading.
        pub tasks_heading: String,
        /// Task list introduction.
        pub tasks_intro: String,
        /// How many parts are done. Blanks: `{done}`, `{total}`.
        pub tasks_progress: String,
        /// Status: every question answered.
        pub status_completed: String,
        /// Status: some questions answered.
        pub status_incomplete: String,
        /// Status: nothing answered yet.
        pub status_not_started: String,
        /// Status: depends on another part.
        pub status_cannot_start: String,
        /// The last task: check answers and see the estimate.
        pub tasks_check: String,
        /// Check-your-answers heading.
        pub check_heading: String,
        /// Visible text of a change link.
        pub change: String,
        /// Heading above the estimate on check your answers.
        pub check_estimate_heading: String,
        /// Before the amount on check your answers.
        pub check_estimate_lead: String,
        /// Said on check your answers when the answers give no budget.
        pub check_not_eligible: String,
        /// The button to the result page.
        pub check_see_result: String,
        /// Result page heading.
        pub result_heading: String,
        /// A yearly amount. Blanks: `{amount}`.
        pub amount_a_year: String,
        /// A one-off payment. Blanks: `{amount}`.
        pub amount_one_off: String,
        /// The weekly amount under the yearly one. Blanks: `{weekly}`.
        pub about_a_week: String,
        /// Lead-in to the amount in the panel.
        pub panel_lead: String,
        /// What the amount means, in hopeful words. Blanks: `{owner}`.
        pub result_hope: String,
        /// Heading of the council's next steps.
        pub next_steps_heading: String,
        /// Heading of "what could change this".
        pub change_heading: String,
        /// Introduction to "what could change this".
        pub change_intro: String,
        /// The current answer. Blanks: `{answer}`.
        pub you_answered: String,
        /// An alternative answer that gives more. Blanks: `{answer}`, `{amount}`, `{change}`.
        pub alternative_more: String,
        /// An alternative answer that gives less. Blanks: `{answer}`, `{amount}`, `{change}`.
        pub alternative_less: String,
        /// An alternative that gives no budget. Blanks: `{answer}`.
        pub alternative_not_eligible: String,
        /// An alternative that would bring up more questions. Blanks: `{answer}`.
        pub alternative_more_questions: String,
        /// An alternative that would need a conversation rather than an amount. Blanks:
        /// `{answer}`.
        pub alternative_conversation: String,
        /// An alternative that gives an amount when the answers given do not. Blanks:
        /// `{answer}`, `{amount}`.
        pub alternative_amount: String,
        /// Heading of the way to mark an assessment as supported by a practitioner.
        pub supported_heading: String,
        /// What a supported assessment is.
        pub supported_body: String,
        /// The checkbox that marks the assessment as supported.
        pub supported_label: String,
        /// Hint of that checkbox.
        pub supported_hint: String,
        /// The button that saves the choice.
        pub supported_button: String,
        /// Hint of a practitioner's question, after what to enter.
        pub practitioner_hint: String,
        /// Label of the reason for a practitioner's adjustment.
        pub reason_label: String,
        /// Hint of the reason.
        pub reason_hint: String,
        /// How long the reason may be. Blanks: `{count}`.
        pub reason_count: String,
        /// No reason given for an adjustment.
        pub error_reason_missing: String,
        /// The reason is too long. Blanks: `{count}`.
        pub error_reason_long: String,
        /// In place of the answer to a practitioner's question left unanswered.
        pub no_adjustment: String,
        /// The reason under an adjustment on check your answers. Blanks: `{reason}`.
        pub check_reason: String,
        /// Said on check your answers when the answers need a conversation.
        pub check_conversation: String,
        /// The result panel's words when the answers need a conversation.
        pub conversation_panel: String,
        /// Under the panel when the answers need a conversation. Blanks: `{owner}`.
        pub conversation_lead: String,
        /// When no single answer would change the amount.
        pub nothing_changes: String,
        /// Heading of the disagreement notes.
        pub disagree_heading: String,
        /// Hint of the disagreement notes. Blanks: `{owner}`.
        pub disagree_hint: String,
        /// Button that saves the notes.
        pub disagree_save: String,
        /// Confirmation that the notes are saved.
        pub notes_saved: String,
        /// The print button.
        pub print: String,
        /// The download button.
        pub download: String,
        /// Link back to check your answers.
        pub check_link: String,
        /// Print-only heading of the answers.
        pub print_answers_heading: String,
        /// Heading when the estimate could not be made.
        pub estimate_failed_heading: String,
        /// What to do when the estimate could not be made. Blanks: `{owner}`.
        pub estimate_failed_body: String,
        /// Saved-answers page heading.
        pub saved_heading: String,
        /// How saving works.
        pub saved_intro: String,
        /// When the answers were last saved. Blanks: `{date}`.
        pub saved_when: String,
        /// Nothing is saved.
        pub saved_none: String,
        /// The browser will not store anything.
        pub storage_unavailable: String,
        /// Heading of the export section.
        pub export_heading: String,
        /// What exporting is for.
        pub export_body: String,
        /// Heading of the import section.
        pub import_heading: String,
        /// Label of the file input.
        pub import_label: String,
        /// Hint of the file input.
        pub import_hint: String,
        /// The import button.
        pub import_button: String,
        /// No file chosen.
        pub import_error_none: String,
        /// The file could not be read.
        pub import_error_unreadable: String,
        /// Heading of the delete section.
        pub delete_section_heading: String,
        /// What deleting does.
        pub delete_section_body: String,
        /// The link to delete the answers.
        pub delete_link: String,
        /// Delete confirmation heading.
        pub delete_heading: String,
        /// Delete confirmation warning.
        pub delete_warning: String,
        /// Button that deletes.
        pub delete_confirm: String,
        /// Link that keeps the answers.
        pub delete_cancel: String,
        /// Title of a success banner.
        pub banner_success: String,
        /// Title of an important-information banner.
        pub banner_important: String,
        /// The answers were deleted.
        pub deleted: String,
        /// The answers were loaded from a file.
        pub imported: String,
        /// The scheme changed since saving. Blanks: `{old}`, `{new}`.
        pub scheme_changed: String,
        /// Saved answers to questions no longer asked. Blanks: `{count}`.
        pub answers_dropped: String,
        /// Button that downloads saved data as it was.
        pub download_original: String,
        /// Heading when saved data cannot be read.
        pub recovery_heading: String,
        /// The saved data is damaged.
        pub recovery_damaged: String,
        /// The saved data is in an unknown format version. Blanks: `{version}`.
        pub recovery_version: String,
        /// The saved data is not ours.
        pub recovery_foreign: String,
        /// The saved data is for a scheme not offered. Blanks: `{scheme}`.
        pub recovery_scheme: String,
        /// Nothing has been deleted.
        pub recovery_kept: String,
        /// Button that downloads the unreadable data.
        pub recovery_download: String,
        /// Warning before starting again.
        pub recovery_warning: String,
        /// Button that deletes the unreadable data.
        pub recovery_start_again: String,
    }
}
