//! The words for sending what the person agreed to, and the receipt.

use super::read::catalogue;

catalogue! {
    /// The words of the send and receipt pages.
    pub struct SendText {
        /// The result page's heading for sending.
        pub invite_heading: String,
        /// The result page's words about sending. Blanks: `{owner}`.
        pub invite_body: String,
        /// The button that leads to the send page. Blanks: `{owner}`.
        pub invite_button: String,
        /// The result page's words when this deployment cannot send. Blanks: `{owner}`.
        pub cannot_send: String,
        /// The send page's heading.
        pub page_heading: String,
        /// The send page: nothing has been sent yet. Blanks: `{owner}`.
        pub lead: String,
        /// The send page: the list of what is sent, introduced.
        pub parts_intro: String,
        /// A part of what is sent: the answers.
        pub part_answers: String,
        /// A part of what is sent: the estimate.
        pub part_estimate: String,
        /// A part of what is sent: the plan.
        pub part_plan: String,
        /// A part of what is sent: the notes about disagreeing.
        pub part_notes: String,
        /// The heading over the estimate's summary.
        pub estimate_heading: String,
        /// A summary row: the scheme and its version.
        pub row_scheme: String,
        /// The scheme and its version. Blanks: `{title}`, `{version}`.
        pub scheme_version: String,
        /// A summary row: the assessment date.
        pub row_date: String,
        /// A summary row: the estimate a year, or the one-off amount.
        pub row_amount: String,
        /// A summary row: the estimate a week.
        pub row_weekly: String,
        /// Said in place of an amount when the person is not eligible.
        pub not_eligible: String,
        /// In place of the amount when the answers need a conversation with the council.
        pub conversation: String,
        /// The heading over the answers.
        pub answers_heading: String,
        /// The heading over the notes about disagreeing.
        pub notes_heading: String,
        /// The heading over the file.
        pub file_heading: String,
        /// What the file is. Blanks: `{owner}`.
        pub file_body: String,
        /// The button that downloads what would be sent.
        pub file_button: String,
        /// The heading of the consent question.
        pub consent_heading: String,
        /// The consent checkbox's label, which is also the first thing recorded as agreed.
        /// Blanks: `{owner}`.
        pub consent_label: String,
        /// The consent checkbox's hint.
        pub consent_hint: String,
        /// The error when the box is not ticked. Blanks: `{owner}`.
        pub consent_error: String,
        /// The send button. Blanks: `{owner}`.
        pub send_button: String,
        /// Said while sending.
        pub sending: String,
        /// The plan cannot be sent until its issues are fixed.
        pub plan_blocked: String,
        /// The link to fix the plan.
        pub plan_blocked_link: String,
        /// The failure banner's heading.
        pub failed_heading: String,
        /// Why: the receiver could not be reached.
        pub failed_unreachable: String,
        /// Why: the receiver did not answer in time.
        pub failed_timed_out: String,
        /// Why: the receiver had a problem. Blanks: `{status}`.
        pub failed_receiver: String,
        /// Why: the receiver refused it. Blanks: `{status}`, `{owner}`.
        pub failed_refused: String,
        /// Nothing is lost.
        pub failed_kept: String,
        /// The button that sends the same submission again.
        pub retry_button: String,
        /// The button that downloads the submission that was not sent.
        pub failed_download: String,
        /// The receipt's heading. Blanks: `{owner}`.
        pub sent_heading: String,
        /// Before the reference.
        pub sent_reference: String,
        /// When it was sent. Blanks: `{date}`.
        pub sent_when: String,
        /// What happens next, introduced.
        pub sent_next_heading: String,
        /// Keep a copy.
        pub sent_copy_heading: String,
        /// About the copy. Blanks: `{owner}`.
        pub sent_copy_body: String,
        /// The button that downloads what was sent.
        pub sent_download: String,
        /// The link back to the estimate.
        pub sent_back: String,
        /// On the send page after an earlier send. Blanks: `{date}`, `{reference}`, `{owner}`.
        pub sent_before: String,
    }
}
