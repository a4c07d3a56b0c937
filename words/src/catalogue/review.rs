//! The words of reviewing the plan, the history on the device, and the comparison of a new
//! assessment with the last.

use super::read::catalogue;

catalogue! {
    /// The words of the review, history and comparison pages.
    pub struct ReviewText {
        /// The review's first page.
        pub heading: String,
        /// What a review is.
        pub intro: String,
        /// When there is no plan to review.
        pub no_plan: String,
        /// The link to make a plan.
        pub no_plan_link: String,
        /// The heading over the list of goals.
        pub goals_heading: String,
        /// A goal's status: reviewed.
        pub reviewed: String,
        /// A goal's status: not reviewed.
        pub not_reviewed: String,
        /// The link to check the review.
        pub check_link: String,
        /// Above a goal's heading. Blanks: `{number}`, `{count}`.
        pub goal_caption: String,
        /// The scale's question.
        pub progress_legend: String,
        /// A step of the scale.
        pub progress_not_started: String,
        /// A step of the scale.
        pub progress_some_progress: String,
        /// A step of the scale.
        pub progress_achieved: String,
        /// A step of the scale.
        pub progress_no_longer_my_goal: String,
        /// No step of the scale chosen.
        pub progress_error: String,
        /// A text box.
        pub own_words_label: String,
        /// A text box.
        pub helped_label: String,
        /// A text box.
        pub in_the_way_label: String,
        /// A text box.
        pub change_label: String,
        /// Under each text box. Blanks: `{most}`.
        pub chars_hint: String,
        /// A text box's error. Blanks: `{most}`.
        pub too_long: String,
        /// The supports' question.
        pub supports_legend: String,
        /// The supports' hint.
        pub supports_hint: String,
        /// When no support is for the goal.
        pub no_supports: String,
        /// The question about money kept aside.
        pub contingency_heading: String,
        /// Its hint. Blanks: `{amount}`.
        pub contingency_hint: String,
        /// No answer chosen.
        pub contingency_error: String,
        /// The check page's heading.
        pub check_heading: String,
        /// A summary row.
        pub row_progress: String,
        /// A summary row.
        pub row_own_words: String,
        /// A summary row.
        pub row_helped: String,
        /// A summary row.
        pub row_in_the_way: String,
        /// A summary row.
        pub row_used: String,
        /// A summary row.
        pub row_not_used: String,
        /// A summary row.
        pub row_change: String,
        /// A summary row.
        pub row_contingency: String,
        /// An empty summary value.
        pub none: String,
        /// A change link's hidden words. Blanks: `{goal}`.
        pub change_goal: String,
        /// The download button.
        pub download_button: String,
        /// Over the consent box.
        pub consent_heading: String,
        /// The consent box's hint.
        pub consent_hint: String,
        /// Consent not given. Blanks: `{owner}`.
        pub consent_error: String,
        /// The send button.
        pub send_button: String,
        /// When this deployment takes no reviews. Blanks: `{owner}`.
        pub cannot_send: String,
        /// While sending.
        pub sending: String,
        /// When a send failed.
        pub failed: String,
        /// Try again.
        pub retry_button: String,
        /// The receipt's heading. Blanks: `{owner}`.
        pub sent_heading: String,
        /// Over the reference.
        pub sent_reference: String,
        /// The history's heading.
        pub history_heading: String,
        /// What the history is.
        pub history_intro: String,
        /// An empty history.
        pub history_none: String,
        /// An assessment sent. Blanks: `{date}`, `{reference}`.
        pub history_assessment: String,
        /// A review sent. Blanks: `{date}`, `{reference}`.
        pub history_review: String,
        /// The history's download button.
        pub history_download: String,
        /// The comparison's heading.
        pub compare_heading: String,
        /// No earlier assessment.
        pub compare_none: String,
        /// The comparison's download button.
        pub compare_download: String,
        /// Over the links to review, history and comparison.
        pub links_heading: String,
        /// A link to the comparison.
        pub compare_link: String,
        /// A link to the history.
        pub history_link: String,
    }
}
