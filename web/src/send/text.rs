//! Sending's part of the interface text catalogue (reached as `text().send`).

/// The words of the send and receipt pages, in one language.
#[derive(Debug)]
pub struct SendText {
    /// The result page's heading for sending.
    pub invite_heading: &'static str,
    /// The result page's words about sending. Blanks: `{owner}`.
    pub invite_body: &'static str,
    /// The button that leads to the send page. Blanks: `{owner}`.
    pub invite_button: &'static str,
    /// The result page's words when this deployment cannot send. Blanks: `{owner}`.
    pub cannot_send: &'static str,
    /// The send page's heading.
    pub page_heading: &'static str,
    /// The send page: nothing has been sent yet. Blanks: `{owner}`.
    pub lead: &'static str,
    /// The send page: the list of what is sent, introduced.
    pub parts_intro: &'static str,
    /// A part of what is sent: the answers.
    pub part_answers: &'static str,
    /// A part of what is sent: the estimate.
    pub part_estimate: &'static str,
    /// A part of what is sent: the plan.
    pub part_plan: &'static str,
    /// A part of what is sent: the notes about disagreeing.
    pub part_notes: &'static str,
    /// The heading over the estimate's summary.
    pub estimate_heading: &'static str,
    /// A summary row: the scheme and its version.
    pub row_scheme: &'static str,
    /// The scheme and its version. Blanks: `{title}`, `{version}`.
    pub scheme_version: &'static str,
    /// A summary row: the assessment date.
    pub row_date: &'static str,
    /// A summary row: the estimate a year, or the one-off amount.
    pub row_amount: &'static str,
    /// A summary row: the estimate a week.
    pub row_weekly: &'static str,
    /// Said in place of an amount when the person is not eligible.
    pub not_eligible: &'static str,
    /// The heading over the answers.
    pub answers_heading: &'static str,
    /// The heading over the notes about disagreeing.
    pub notes_heading: &'static str,
    /// The heading over the file.
    pub file_heading: &'static str,
    /// What the file is. Blanks: `{owner}`.
    pub file_body: &'static str,
    /// The button that downloads what would be sent.
    pub file_button: &'static str,
    /// The heading of the consent question.
    pub consent_heading: &'static str,
    /// The consent checkbox's label, which is also the first thing recorded as agreed.
    /// Blanks: `{owner}`.
    pub consent_label: &'static str,
    /// The consent checkbox's hint.
    pub consent_hint: &'static str,
    /// The error when the box is not ticked. Blanks: `{owner}`.
    pub consent_error: &'static str,
    /// The send button. Blanks: `{owner}`.
    pub send_button: &'static str,
    /// Said while sending.
    pub sending: &'static str,
    /// The plan cannot be sent until its issues are fixed.
    pub plan_blocked: &'static str,
    /// The link to fix the plan.
    pub plan_blocked_link: &'static str,
    /// The failure banner's heading.
    pub failed_heading: &'static str,
    /// Why: the receiver could not be reached.
    pub failed_unreachable: &'static str,
    /// Why: the receiver did not answer in time.
    pub failed_timed_out: &'static str,
    /// Why: the receiver had a problem. Blanks: `{status}`.
    pub failed_receiver: &'static str,
    /// Why: the receiver refused it. Blanks: `{status}`, `{owner}`.
    pub failed_refused: &'static str,
    /// Nothing is lost.
    pub failed_kept: &'static str,
    /// The button that sends the same submission again.
    pub retry_button: &'static str,
    /// The button that downloads the submission that was not sent.
    pub failed_download: &'static str,
    /// The receipt's heading. Blanks: `{owner}`.
    pub sent_heading: &'static str,
    /// Before the reference.
    pub sent_reference: &'static str,
    /// When it was sent. Blanks: `{date}`.
    pub sent_when: &'static str,
    /// What happens next, introduced.
    pub sent_next_heading: &'static str,
    /// Keep a copy.
    pub sent_copy_heading: &'static str,
    /// About the copy. Blanks: `{owner}`.
    pub sent_copy_body: &'static str,
    /// The button that downloads what was sent.
    pub sent_download: &'static str,
    /// The link back to the estimate.
    pub sent_back: &'static str,
    /// On the send page after an earlier send. Blanks: `{date}`, `{reference}`, `{owner}`.
    pub sent_before: &'static str,
}

/// English.
pub static EN: SendText = SendText {
    invite_heading: "Send your estimate",
    invite_body: "When you are ready, you can send your answers, your estimate and your plan to {owner}. You will see everything that will be sent before you agree to send it.",
    invite_button: "Check what you will send to {owner}",
    cannot_send: "This service cannot send your estimate to {owner}. Print it, or download your answers, and take it to your assessment.",
    page_heading: "Check what you will send",
    lead: "Nothing has been sent yet. Check what will be sent to {owner}. You can change anything before you send it.",
    parts_intro: "You will send:",
    part_answers: "your answers to the questions",
    part_estimate: "your estimate and how it was worked out",
    part_plan: "your recovery support plan, what it costs and what the checks found",
    part_notes: "what you wrote about what you disagree with",
    estimate_heading: "Your estimate",
    row_scheme: "Worked out with",
    scheme_version: "{title}, version {version}",
    row_date: "Date of the estimate",
    row_amount: "Estimate",
    row_weekly: "About a week",
    not_eligible: "Not eligible",
    answers_heading: "Your answers",
    notes_heading: "What you disagree with",
    file_heading: "The file that will be sent",
    file_body: "This is everything above, in the form {owner}'s system reads. When you send it, it also records what you agreed to and when.",
    file_button: "Download the file",
    consent_heading: "Do you agree to send this?",
    consent_label: "I agree to send this information to {owner}",
    consent_hint: "Nothing is sent until you tick this box and press send.",
    consent_error: "Tick the box to agree to send this information to {owner}",
    send_button: "Send to {owner}",
    sending: "Sending…",
    plan_blocked: "Your plan has something to fix before it can be sent.",
    plan_blocked_link: "Check your plan",
    failed_heading: "Your information has not been sent",
    failed_unreachable: "This device could not reach the service that receives it. You may be offline, or the service may be down.",
    failed_timed_out: "The service that receives it did not answer in time.",
    failed_receiver: "The service that receives it had a problem (code {status}).",
    failed_refused: "{owner}'s service could not accept it (code {status}). Download the file and contact {owner}.",
    failed_kept: "Nothing is lost: it is kept on this device. You can try again, or download the file and send it another way.",
    retry_button: "Try again",
    failed_download: "Download the file",
    sent_heading: "Sent to {owner}",
    sent_reference: "Your reference",
    sent_when: "Sent on {date}.",
    sent_next_heading: "What happens next",
    sent_copy_heading: "Keep a copy",
    sent_copy_body: "A copy of what you sent is kept on this device. You can download it or print this page to keep a record, and quote your reference if you contact {owner}.",
    sent_download: "Download what you sent",
    sent_back: "Back to your estimate",
    sent_before: "You sent an earlier version on {date} (reference {reference}). If you send this one, {owner} receives it as well.",
};
