//! The recovery support plan's words.

use super::read::catalogue;
use super::{Counted, DateParts, DateWords};

catalogue! {
    /// The words of the recovery support plan's pages.
    pub struct PlanText {
        /// The button that sends a plan page's form.
        pub save_button: String,
        /// Visible text of a remove link.
        pub remove: String,
        /// Said where something optional was left blank.
        pub not_given: String,
        /// A date input's day label.
        pub date_day: String,
        /// A date input's month label.
        pub date_month: String,
        /// A date input's year label.
        pub date_year: String,
        /// The parts of a date that can be missing, for the `{parts}` of `incomplete`.
        pub date_parts: DateParts,
        /// An amount below zero.
        pub money_negative_error: String,
        /// The result page's heading above the way into the plan.
        pub invite_heading: String,
        /// The result page's invitation to plan. Blanks: `{owner}`.
        pub invite_body: String,
        /// The button into the plan when there is none yet.
        pub invite_start: String,
        /// The button into the plan when one is saved.
        pub invite_continue: String,
        /// The plan's task list heading.
        pub tasks_heading: String,
        /// What a recovery support plan is.
        pub tasks_intro: String,
        /// That the parts can be done in any order, and are saved.
        pub tasks_any_order: String,
        /// Task: goals.
        pub task_goals: String,
        /// Task hint: goals.
        pub task_goals_hint: String,
        /// Task: supports.
        pub task_supports: String,
        /// Task hint: supports.
        pub task_supports_hint: String,
        /// Task: money kept aside.
        pub task_contingency: String,
        /// Task hint: money kept aside.
        pub task_contingency_hint: String,
        /// Task: crisis plan.
        pub task_crisis: String,
        /// Task hint: crisis plan.
        pub task_crisis_hint: String,
        /// Task: risks.
        pub task_risks: String,
        /// Task hint: risks.
        pub task_risks_hint: String,
        /// Task: how the money is held.
        pub task_holding: String,
        /// Task hint: how the money is held.
        pub task_holding_hint: String,
        /// Task: who helped.
        pub task_helpers: String,
        /// Task hint: who helped.
        pub task_helpers_hint: String,
        /// Task: dates and review.
        pub task_dates: String,
        /// Task hint: dates and review.
        pub task_dates_hint: String,
        /// The last task: check the plan.
        pub task_check: String,
        /// Goals page heading.
        pub goals_heading: String,
        /// What goals are.
        pub goals_intro: String,
        /// No goals yet.
        pub goals_none: String,
        /// Button that adds the first goal.
        pub goal_add_button: String,
        /// Button that adds another goal.
        pub goal_another_button: String,
        /// Summary key: a goal's life area.
        pub goal_area_key: String,
        /// Summary key: how the person will know a goal is working.
        pub goal_measure_key: String,
        /// Summary key: the supports that serve a goal.
        pub goal_supports_key: String,
        /// A goal has no support yet.
        pub goal_no_support: String,
        /// Adding a goal: heading.
        pub goal_add_heading: String,
        /// Changing a goal: heading.
        pub goal_change_heading: String,
        /// Label of the goal's words.
        pub goal_text_label: String,
        /// Hint of the goal's words.
        pub goal_text_hint: String,
        /// Legend of the goal's life area.
        pub goal_area_legend: String,
        /// Label of how the person will know it is working.
        pub goal_measure_label: String,
        /// Hint of how the person will know it is working.
        pub goal_measure_hint: String,
        /// No words for the goal.
        pub goal_text_error: String,
        /// No life area chosen.
        pub goal_area_error: String,
        /// Removing a goal: heading.
        pub goal_remove_heading: String,
        /// Removing a goal that supports serve.
        pub goal_remove_supports: String,
        /// Supports page heading.
        pub supports_heading: String,
        /// What support is.
        pub supports_intro: String,
        /// No supports yet.
        pub supports_none: String,
        /// Button that adds the first support.
        pub support_add_button: String,
        /// Button that adds another support.
        pub support_another_button: String,
        /// Summary key: a support's kind.
        pub support_category_key: String,
        /// Summary key: who pays.
        pub support_payer_key: String,
        /// Summary key: what one time costs.
        pub support_each_key: String,
        /// What one time costs when it is several units. Blanks: `{amount}`, `{units}`.
        pub support_each_units: String,
        /// Summary key: how often.
        pub support_often_key: String,
        /// Summary key: when it happens.
        pub support_when_key: String,
        /// Summary key: the cost for a year.
        pub support_year_key: String,
        /// Summary key: the cost over the plan.
        pub support_plan_key: String,
        /// A support that ends before the plan does. Blanks: `{date}`.
        pub support_until: String,
        /// Summary key: the goals it helps with.
        pub support_goals_key: String,
        /// Summary key: paying a relative in the household.
        pub support_relative_key: String,
        /// A support that serves no goal.
        pub support_no_goals: String,
        /// Adding a support: heading.
        pub support_add_heading: String,
        /// Changing a support: heading.
        pub support_change_heading: String,
        /// Label of what the support is.
        pub support_description_label: String,
        /// Hint of what the support is.
        pub support_description_hint: String,
        /// Legend of the support's kind.
        pub support_category_legend: String,
        /// Legend of who pays.
        pub support_payer_legend: String,
        /// Payer: the budget.
        pub payer_budget: String,
        /// Payer: family and friends.
        pub payer_family_friends: String,
        /// Payer: community groups.
        pub payer_community: String,
        /// Payer: services everyone can use.
        pub payer_universal: String,
        /// Hint under the payer for services everyone can use.
        pub payer_universal_hint: String,
        /// Label of a unit's cost.
        pub support_amount_label: String,
        /// Hint of a unit's cost.
        pub support_amount_hint: String,
        /// Label of how many units.
        pub support_units_label: String,
        /// Hint of how many units.
        pub support_units_hint: String,
        /// Legend of paying a relative in the household.
        pub support_relative_legend: String,
        /// Legend of how often.
        pub support_frequency_legend: String,
        /// Frequency: once.
        pub frequency_once: String,
        /// Frequency: weekly.
        pub frequency_weekly: String,
        /// Frequency: monthly.
        pub frequency_monthly: String,
        /// Frequency: yearly.
        pub frequency_yearly: String,
        /// Legend of when a support starts.
        pub support_starts_legend: String,
        /// Hint of when a support starts.
        pub support_starts_hint: String,
        /// Legend of when a support ends.
        pub support_ends_legend: String,
        /// Hint of when a support ends.
        pub support_ends_hint: String,
        /// When a support runs for the whole plan.
        pub support_whole_plan: String,
        /// When a support is paid once. Blanks: `{date}`.
        pub support_paid_on: String,
        /// Legend of the goals a support serves.
        pub support_goals_legend: String,
        /// Hint of the goals a support serves.
        pub support_goals_hint: String,
        /// There are no goals to tick yet.
        pub support_goals_none: String,
        /// No description.
        pub support_description_error: String,
        /// No kind chosen.
        pub support_category_error: String,
        /// No payer chosen.
        pub support_payer_error: String,
        /// No cost.
        pub support_amount_error: String,
        /// Units that are not a number above zero.
        pub support_units_error: String,
        /// Relative question not answered.
        pub support_relative_error: String,
        /// No frequency chosen.
        pub support_frequency_error: String,
        /// Words for the support's start date.
        pub support_starts_words: DateWords,
        /// Words for the support's end date.
        pub support_ends_words: DateWords,
        /// The support ends before it starts.
        pub support_ends_before_starts: String,
        /// Removing a support: heading.
        pub support_remove_heading: String,
        /// The button that removes.
        pub remove_confirm: String,
        /// The link that keeps it.
        pub remove_cancel: String,
        /// Money kept aside: heading.
        pub contingency_heading: String,
        /// What money kept aside is for.
        pub contingency_intro: String,
        /// The budget for the plan, for reference. Blanks: `{amount}`.
        pub budget_for_plan_is: String,
        /// Label of the amount kept aside.
        pub contingency_amount_label: String,
        /// Hint of the amount kept aside.
        pub contingency_amount_hint: String,
        /// Label of when it would be used.
        pub contingency_when_label: String,
        /// Hint of when it would be used.
        pub contingency_when_hint: String,
        /// No amount.
        pub contingency_amount_error: String,
        /// Crisis plan: heading.
        pub crisis_heading: String,
        /// What a crisis plan is.
        pub crisis_intro: String,
        /// Label: who to contact.
        pub crisis_contacts_label: String,
        /// Hint: who to contact.
        pub crisis_contacts_hint: String,
        /// Label: what helps.
        pub crisis_helps_label: String,
        /// Label: what does not help.
        pub crisis_does_not_help_label: String,
        /// Label: other preferences.
        pub crisis_preferences_label: String,
        /// Hint: other preferences.
        pub crisis_preferences_hint: String,
        /// Risks: heading.
        pub risks_heading: String,
        /// Why risks are asked about.
        pub risks_intro: String,
        /// Label: risks.
        pub risks_label: String,
        /// Label: what happens if a support does not turn up.
        pub if_fails_label: String,
        /// Hint: what happens if a support does not turn up.
        pub if_fails_hint: String,
        /// How the money is held: heading (the question).
        pub holding_heading: String,
        /// Hint under the question.
        pub holding_hint: String,
        /// The option to split between ways.
        pub holding_split_label: String,
        /// Hint of the split option.
        pub holding_split_hint: String,
        /// Legend of the split amounts.
        pub holding_split_legend: String,
        /// No way chosen.
        pub holding_error: String,
        /// A split without amounts for two ways.
        pub holding_split_error: String,
        /// Summary key: how the money is held.
        pub holding_key: String,
        /// One part of a split. Blanks: `{way}`, `{amount}`.
        pub holding_part: String,
        /// Who helped: heading (the question).
        pub helpers_heading: String,
        /// Hint under the question.
        pub helpers_hint: String,
        /// Dates: heading.
        pub dates_heading: String,
        /// What the dates are for.
        pub dates_intro: String,
        /// Legend: when the plan starts.
        pub plan_starts_legend: String,
        /// Legend: when the plan ends.
        pub plan_ends_legend: String,
        /// Legend: when it is reviewed.
        pub plan_review_legend: String,
        /// Hint: a date's format.
        pub date_hint: String,
        /// Hint: the review.
        pub plan_review_hint: String,
        /// Words for the plan's start date.
        pub plan_starts_words: DateWords,
        /// Words for the plan's end date.
        pub plan_ends_words: DateWords,
        /// Words for the review date.
        pub plan_review_words: DateWords,
        /// The plan ends before it starts.
        pub plan_ends_before_starts: String,
        /// Summary key: the plan's start.
        pub plan_starts_key: String,
        /// Summary key: the plan's end.
        pub plan_ends_key: String,
        /// Summary key: the review.
        pub plan_review_key: String,
        /// Check your plan: heading.
        pub check_heading: String,
        /// Summary key: the amount kept aside.
        pub contingency_amount_key: String,
        /// Summary key: when it would be used.
        pub contingency_when_key: String,
        /// Summary key: who to contact.
        pub crisis_contacts_key: String,
        /// Summary key: what helps.
        pub crisis_helps_key: String,
        /// Summary key: what does not help.
        pub crisis_does_not_help_key: String,
        /// Summary key: other preferences.
        pub crisis_preferences_key: String,
        /// Summary key: risks.
        pub risks_key: String,
        /// Summary key: what happens if a support does not turn up.
        pub if_fails_key: String,
        /// Summary key: who helped.
        pub helpers_key: String,
        /// Heading of the costing.
        pub costs_heading: String,
        /// Caption of the costing table. Blanks: `{days}`.
        pub costs_caption: Counted,
        /// Costing column: the support.
        pub costs_support: String,
        /// Costing column: who pays.
        pub costs_payer: String,
        /// Costing column: a year.
        pub costs_per_year: String,
        /// Costing column: over the plan.
        pub costs_over_plan: String,
        /// Heading of the totals by who pays.
        pub by_payer_heading: String,
        /// Heading of what happens next.
        pub next_heading: String,
        /// What happens next. Blanks: `{owner}`.
        pub next_body: String,
        /// Print button.
        pub print: String,
        /// Download button.
        pub download: String,
        /// Heading of the plan in the result page's print view.
        pub print_heading: String,
        /// The live summary's heading.
        pub summary_heading: String,
        /// The yearly budget's label.
        pub budget_key: String,
        /// The budget for the plan's label.
        pub budget_for_plan_key: String,
        /// The plan's days under the budget for it. Blanks: `{days}`, `{dates}`.
        pub plan_days: Counted,
        /// What is planned from the budget.
        pub planned_key: String,
        /// Money kept aside.
        pub kept_aside_key: String,
        /// What remains.
        pub remaining_key: String,
        /// How far over the plan is.
        pub over_key: String,
        /// Heading of the chart by goal.
        pub chart_goal_heading: String,
        /// Heading of the chart by kind of support.
        pub chart_category_heading: String,
        /// Text alternative of a chart. Blanks: `{rows}`.
        pub chart_description: String,
        /// Table column: goal.
        pub chart_goal_column: String,
        /// Table column: kind of support.
        pub chart_category_column: String,
        /// Money not linked to any goal.
        pub chart_unlinked: String,
        /// Nothing is planned yet.
        pub chart_empty: String,
        /// Heading of findings that block.
        pub findings_blocking: String,
        /// Heading of advice.
        pub findings_advice: String,
        /// No findings at all.
        pub findings_none: String,
        /// No findings about the parts started, while others are not started yet.
        pub findings_none_so_far: String,
        /// An issue: a support's dates are outside the plan's.
        pub issue_outside_plan: String,
        /// An issue caused elsewhere: the named support would be outside the plan. Blanks: `{support}`.
        pub issue_outside_plan_named: String,
        /// An issue: the end is before the start.
        pub issue_invalid_dates: String,
        /// An issue: a life area the scheme does not have.
        pub issue_unknown_area: String,
        /// An issue: a kind of support the scheme does not have.
        pub issue_unknown_category: String,
        /// An issue: a goal that is not in the plan.
        pub issue_unknown_goal: String,
        /// An issue: amounts too large to work out.
        pub issue_too_large: String,
        /// An issue: more goals than a plan may have. Blanks: `{most}`.
        pub issue_too_many_goals: String,
        /// An issue: more supports than a plan may have. Blanks: `{most}`.
        pub issue_too_many_supports: String,
        /// Any other issue.
        pub issue_other: String,
        /// A finding's figures: over the budget. Blanks: `{over}`, `{budget}`.
        pub finding_over_budget: String,
        /// A finding's figures: money kept aside outside its range. Blanks: `{amount}`, `{min}`, `{max}`.
        pub finding_contingency: String,
        /// A finding's figures: the review is too late. Blanks: `{date}`, `{days}`.
        pub finding_review: Counted,
        /// A finding's figures: the plan is too short or long. Blanks: `{days}`, `{min}`, `{max}`.
        pub finding_length: Counted,
        /// A finding's figures: a split with fewer than two parts.
        pub finding_split_parts: String,
        /// A finding's figures: a support that needs approval. Blanks: `{support}`, `{category}`.
        pub finding_approval: String,
        /// The way from the supports page to the directory of local services, and its heading.
        pub find_heading: String,
        /// What the directory is, and that searching stays on the device.
        pub find_intro: String,
        /// Said while the directory loads.
        pub find_loading: String,
        /// Said when the directory could not be loaded or read.
        pub find_failed: String,
        /// Said when the directory may not list every service.
        pub find_incomplete: String,
        /// The search box's label.
        pub find_search_label: String,
        /// The search box's hint.
        pub find_search_hint: String,
        /// The legend of the filters.
        pub find_filters_legend: String,
        /// The life area filter's label.
        pub find_area_label: String,
        /// The kind of support filter's label.
        pub find_category_label: String,
        /// The free or paid filter's label.
        pub find_cost_label: String,
        /// The online or in person filter's label.
        pub find_delivery_label: String,
        /// A filter's choice that leaves nothing out.
        pub find_any: String,
        /// The choice of free services only.
        pub find_free_only: String,
        /// The choice of paid services only.
        pub find_paid_only: String,
        /// The choice of services online only.
        pub find_online_only: String,
        /// The choice of services in person only.
        pub find_in_person_only: String,
        /// The button that searches, for those who need one.
        pub find_submit: String,
        /// How many services were found. Blanks: `{count}`.
        pub find_found: Counted,
        /// How many of them are shown. Blanks: `{shown}`, `{count}`.
        pub find_showing: String,
        /// What to try when nothing was found.
        pub find_none_hint: String,
        /// The button that shows more results.
        pub find_show_more: String,
        /// A result's key: who runs it.
        pub find_organisation_key: String,
        /// A result's key: what it costs.
        pub find_cost_key: String,
        /// A free service's cost.
        pub find_cost_free: String,
        /// A result's key: where it is.
        pub find_where_key: String,
        /// Where, for a service online.
        pub find_where_online: String,
        /// Where, for a service at the person's home.
        pub find_where_at_home: String,
        /// Where, for a service by phone.
        pub find_where_by_phone: String,
        /// A result's key: when it is open.
        pub find_opening_key: String,
        /// Opening times on some days. Blanks: `{days}`, `{opens}`, `{closes}`.
        pub find_opening: String,
        /// A result's key: the languages spoken.
        pub find_languages_key: String,
        /// A result's key: how to get in touch.
        pub find_contact_key: String,
        /// The link to the service's own web page, which is another website.
        pub find_website: String,
        /// The button that adds a result to the plan.
        pub find_add_button: String,
        /// Shown on the support's page after adding it. Blanks: `{name}`.
        pub find_added: String,
        /// Monday.
        pub day_monday: String,
        /// Tuesday.
        pub day_tuesday: String,
        /// Wednesday.
        pub day_wednesday: String,
        /// Thursday.
        pub day_thursday: String,
        /// Friday.
        pub day_friday: String,
        /// Saturday.
        pub day_saturday: String,
        /// Sunday.
        pub day_sunday: String,
    }
}
