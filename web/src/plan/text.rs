//! The plan's part of the interface text catalogue (reached as `text().plan`).
//!
//! The scheme's own words (its life areas, kinds of support with their hints, ways to hold
//! the money with their conditions, and the message of every check) come from the scheme
//! file; everything else a person reads on the plan's pages is here. Templates name their
//! blanks in braces, as in the rest of the catalogue.

/// What to say about one date input.
#[derive(Debug)]
pub struct DateWords {
    /// Nothing was entered (for a date that is needed).
    pub missing: &'static str,
    /// Some parts are blank. Blanks: `{parts}`, like "month" or "day and year".
    pub incomplete: &'static str,
    /// The parts do not make a real date.
    pub invalid: &'static str,
}

/// The plan's interface text in one language.
#[derive(Debug)]
pub struct PlanText {
    /// The button that sends a plan page's form.
    pub save_button: &'static str,
    /// Visible text of a remove link.
    pub remove: &'static str,
    /// Said where something optional was left blank.
    pub not_given: &'static str,
    /// A date input's day label.
    pub date_day: &'static str,
    /// A date input's month label.
    pub date_month: &'static str,
    /// A date input's year label.
    pub date_year: &'static str,
    /// The names of a date's parts in error messages: day, month, year.
    pub date_part_names: [&'static str; 3],
    /// Between the names of missing parts: "day and year".
    pub date_parts_and: &'static str,
    /// An amount below zero.
    pub money_negative_error: &'static str,

    /// The result page's heading above the way into the plan.
    pub invite_heading: &'static str,
    /// The result page's invitation to plan. Blanks: `{owner}`.
    pub invite_body: &'static str,
    /// The button into the plan when there is none yet.
    pub invite_start: &'static str,
    /// The button into the plan when one is saved.
    pub invite_continue: &'static str,

    /// The plan's task list heading.
    pub tasks_heading: &'static str,
    /// What a recovery support plan is.
    pub tasks_intro: &'static str,
    /// That the parts can be done in any order, and are saved.
    pub tasks_any_order: &'static str,
    /// Task: goals.
    pub task_goals: &'static str,
    /// Task hint: goals.
    pub task_goals_hint: &'static str,
    /// Task: supports.
    pub task_supports: &'static str,
    /// Task hint: supports.
    pub task_supports_hint: &'static str,
    /// Task: money kept aside.
    pub task_contingency: &'static str,
    /// Task hint: money kept aside.
    pub task_contingency_hint: &'static str,
    /// Task: crisis plan.
    pub task_crisis: &'static str,
    /// Task hint: crisis plan.
    pub task_crisis_hint: &'static str,
    /// Task: risks.
    pub task_risks: &'static str,
    /// Task hint: risks.
    pub task_risks_hint: &'static str,
    /// Task: how the money is held.
    pub task_holding: &'static str,
    /// Task hint: how the money is held.
    pub task_holding_hint: &'static str,
    /// Task: who helped.
    pub task_helpers: &'static str,
    /// Task hint: who helped.
    pub task_helpers_hint: &'static str,
    /// Task: dates and review.
    pub task_dates: &'static str,
    /// Task hint: dates and review.
    pub task_dates_hint: &'static str,
    /// The last task: check the plan.
    pub task_check: &'static str,

    /// Goals page heading.
    pub goals_heading: &'static str,
    /// What goals are.
    pub goals_intro: &'static str,
    /// No goals yet.
    pub goals_none: &'static str,
    /// Button that adds the first goal.
    pub goal_add_button: &'static str,
    /// Button that adds another goal.
    pub goal_another_button: &'static str,
    /// Summary key: a goal's life area.
    pub goal_area_key: &'static str,
    /// Summary key: how the person will know a goal is working.
    pub goal_measure_key: &'static str,
    /// Summary key: the supports that serve a goal.
    pub goal_supports_key: &'static str,
    /// A goal has no support yet.
    pub goal_no_support: &'static str,
    /// Adding a goal: heading.
    pub goal_add_heading: &'static str,
    /// Changing a goal: heading.
    pub goal_change_heading: &'static str,
    /// Label of the goal's words.
    pub goal_text_label: &'static str,
    /// Hint of the goal's words.
    pub goal_text_hint: &'static str,
    /// Legend of the goal's life area.
    pub goal_area_legend: &'static str,
    /// Label of how the person will know it is working.
    pub goal_measure_label: &'static str,
    /// Hint of how the person will know it is working.
    pub goal_measure_hint: &'static str,
    /// No words for the goal.
    pub goal_text_error: &'static str,
    /// No life area chosen.
    pub goal_area_error: &'static str,
    /// Removing a goal: heading.
    pub goal_remove_heading: &'static str,
    /// Removing a goal that supports serve.
    pub goal_remove_supports: &'static str,

    /// Supports page heading.
    pub supports_heading: &'static str,
    /// What support is.
    pub supports_intro: &'static str,
    /// No supports yet.
    pub supports_none: &'static str,
    /// Button that adds the first support.
    pub support_add_button: &'static str,
    /// Button that adds another support.
    pub support_another_button: &'static str,
    /// Summary key: a support's kind.
    pub support_category_key: &'static str,
    /// Summary key: who pays.
    pub support_payer_key: &'static str,
    /// Summary key: what one time costs.
    pub support_each_key: &'static str,
    /// What one time costs when it is several units. Blanks: `{amount}`, `{units}`.
    pub support_each_units: &'static str,
    /// Summary key: how often.
    pub support_often_key: &'static str,
    /// Summary key: when it happens.
    pub support_when_key: &'static str,
    /// Summary key: the cost for a year.
    pub support_year_key: &'static str,
    /// Summary key: the cost over the plan.
    pub support_plan_key: &'static str,
    /// A support that ends before the plan does. Blanks: `{date}`.
    pub support_until: &'static str,
    /// Summary key: the goals it helps with.
    pub support_goals_key: &'static str,
    /// Summary key: paying a relative in the household.
    pub support_relative_key: &'static str,
    /// A support that serves no goal.
    pub support_no_goals: &'static str,
    /// Adding a support: heading.
    pub support_add_heading: &'static str,
    /// Changing a support: heading.
    pub support_change_heading: &'static str,
    /// Label of what the support is.
    pub support_description_label: &'static str,
    /// Hint of what the support is.
    pub support_description_hint: &'static str,
    /// Legend of the support's kind.
    pub support_category_legend: &'static str,
    /// Legend of who pays.
    pub support_payer_legend: &'static str,
    /// Payer: the budget.
    pub payer_budget: &'static str,
    /// Payer: family and friends.
    pub payer_family_friends: &'static str,
    /// Payer: community groups.
    pub payer_community: &'static str,
    /// Payer: services everyone can use.
    pub payer_universal: &'static str,
    /// Hint under the payer for services everyone can use.
    pub payer_universal_hint: &'static str,
    /// Label of a unit's cost.
    pub support_amount_label: &'static str,
    /// Hint of a unit's cost.
    pub support_amount_hint: &'static str,
    /// Label of how many units.
    pub support_units_label: &'static str,
    /// Hint of how many units.
    pub support_units_hint: &'static str,
    /// Legend of paying a relative in the household.
    pub support_relative_legend: &'static str,
    /// Legend of how often.
    pub support_frequency_legend: &'static str,
    /// Frequency: once.
    pub frequency_once: &'static str,
    /// Frequency: weekly.
    pub frequency_weekly: &'static str,
    /// Frequency: monthly.
    pub frequency_monthly: &'static str,
    /// Frequency: yearly.
    pub frequency_yearly: &'static str,
    /// Legend of when a support starts.
    pub support_starts_legend: &'static str,
    /// Hint of when a support starts.
    pub support_starts_hint: &'static str,
    /// Legend of when a support ends.
    pub support_ends_legend: &'static str,
    /// Hint of when a support ends.
    pub support_ends_hint: &'static str,
    /// When a support runs for the whole plan.
    pub support_whole_plan: &'static str,
    /// When a support is paid once. Blanks: `{date}`.
    pub support_paid_on: &'static str,
    /// Legend of the goals a support serves.
    pub support_goals_legend: &'static str,
    /// Hint of the goals a support serves.
    pub support_goals_hint: &'static str,
    /// There are no goals to tick yet.
    pub support_goals_none: &'static str,
    /// No description.
    pub support_description_error: &'static str,
    /// No kind chosen.
    pub support_category_error: &'static str,
    /// No payer chosen.
    pub support_payer_error: &'static str,
    /// No cost.
    pub support_amount_error: &'static str,
    /// Units that are not a number above zero.
    pub support_units_error: &'static str,
    /// Relative question not answered.
    pub support_relative_error: &'static str,
    /// No frequency chosen.
    pub support_frequency_error: &'static str,
    /// Words for the support's start date.
    pub support_starts_words: DateWords,
    /// Words for the support's end date.
    pub support_ends_words: DateWords,
    /// The support ends before it starts.
    pub support_ends_before_starts: &'static str,
    /// Removing a support: heading.
    pub support_remove_heading: &'static str,
    /// The button that removes.
    pub remove_confirm: &'static str,
    /// The link that keeps it.
    pub remove_cancel: &'static str,

    /// Money kept aside: heading.
    pub contingency_heading: &'static str,
    /// What money kept aside is for.
    pub contingency_intro: &'static str,
    /// The budget for the plan, for reference. Blanks: `{amount}`.
    pub budget_for_plan_is: &'static str,
    /// Label of the amount kept aside.
    pub contingency_amount_label: &'static str,
    /// Hint of the amount kept aside.
    pub contingency_amount_hint: &'static str,
    /// Label of when it would be used.
    pub contingency_when_label: &'static str,
    /// Hint of when it would be used.
    pub contingency_when_hint: &'static str,
    /// No amount.
    pub contingency_amount_error: &'static str,

    /// Crisis plan: heading.
    pub crisis_heading: &'static str,
    /// What a crisis plan is.
    pub crisis_intro: &'static str,
    /// Label: who to contact.
    pub crisis_contacts_label: &'static str,
    /// Hint: who to contact.
    pub crisis_contacts_hint: &'static str,
    /// Label: what helps.
    pub crisis_helps_label: &'static str,
    /// Label: what does not help.
    pub crisis_does_not_help_label: &'static str,
    /// Label: other preferences.
    pub crisis_preferences_label: &'static str,
    /// Hint: other preferences.
    pub crisis_preferences_hint: &'static str,

    /// Risks: heading.
    pub risks_heading: &'static str,
    /// Why risks are asked about.
    pub risks_intro: &'static str,
    /// Label: risks.
    pub risks_label: &'static str,
    /// Label: what happens if a support does not turn up.
    pub if_fails_label: &'static str,
    /// Hint: what happens if a support does not turn up.
    pub if_fails_hint: &'static str,

    /// How the money is held: heading (the question).
    pub holding_heading: &'static str,
    /// Hint under the question.
    pub holding_hint: &'static str,
    /// The option to split between ways.
    pub holding_split_label: &'static str,
    /// Hint of the split option.
    pub holding_split_hint: &'static str,
    /// Legend of the split amounts.
    pub holding_split_legend: &'static str,
    /// No way chosen.
    pub holding_error: &'static str,
    /// A split without amounts for two ways.
    pub holding_split_error: &'static str,
    /// Summary key: how the money is held.
    pub holding_key: &'static str,
    /// One part of a split. Blanks: `{way}`, `{amount}`.
    pub holding_part: &'static str,

    /// Who helped: heading (the question).
    pub helpers_heading: &'static str,
    /// Hint under the question.
    pub helpers_hint: &'static str,

    /// Dates: heading.
    pub dates_heading: &'static str,
    /// What the dates are for.
    pub dates_intro: &'static str,
    /// Legend: when the plan starts.
    pub plan_starts_legend: &'static str,
    /// Legend: when the plan ends.
    pub plan_ends_legend: &'static str,
    /// Legend: when it is reviewed.
    pub plan_review_legend: &'static str,
    /// Hint: a date's format.
    pub date_hint: &'static str,
    /// Hint: the review.
    pub plan_review_hint: &'static str,
    /// Words for the plan's start date.
    pub plan_starts_words: DateWords,
    /// Words for the plan's end date.
    pub plan_ends_words: DateWords,
    /// Words for the review date.
    pub plan_review_words: DateWords,
    /// The plan ends before it starts.
    pub plan_ends_before_starts: &'static str,
    /// Summary key: the plan's start.
    pub plan_starts_key: &'static str,
    /// Summary key: the plan's end.
    pub plan_ends_key: &'static str,
    /// Summary key: the review.
    pub plan_review_key: &'static str,

    /// Check your plan: heading.
    pub check_heading: &'static str,
    /// Summary key: the amount kept aside.
    pub contingency_amount_key: &'static str,
    /// Summary key: when it would be used.
    pub contingency_when_key: &'static str,
    /// Summary key: who to contact.
    pub crisis_contacts_key: &'static str,
    /// Summary key: what helps.
    pub crisis_helps_key: &'static str,
    /// Summary key: what does not help.
    pub crisis_does_not_help_key: &'static str,
    /// Summary key: other preferences.
    pub crisis_preferences_key: &'static str,
    /// Summary key: risks.
    pub risks_key: &'static str,
    /// Summary key: what happens if a support does not turn up.
    pub if_fails_key: &'static str,
    /// Summary key: who helped.
    pub helpers_key: &'static str,
    /// Heading of the costing.
    pub costs_heading: &'static str,
    /// Caption of the costing table. Blanks: `{days}`.
    pub costs_caption: &'static str,
    /// Costing column: the support.
    pub costs_support: &'static str,
    /// Costing column: who pays.
    pub costs_payer: &'static str,
    /// Costing column: a year.
    pub costs_per_year: &'static str,
    /// Costing column: over the plan.
    pub costs_over_plan: &'static str,
    /// Heading of the totals by who pays.
    pub by_payer_heading: &'static str,
    /// Heading of what happens next.
    pub next_heading: &'static str,
    /// What happens next. Blanks: `{owner}`.
    pub next_body: &'static str,
    /// Print button.
    pub print: &'static str,
    /// Download button.
    pub download: &'static str,
    /// Heading of the plan in the result page's print view.
    pub print_heading: &'static str,

    /// The live summary's heading.
    pub summary_heading: &'static str,
    /// The yearly budget's label.
    pub budget_key: &'static str,
    /// The budget for the plan's label.
    pub budget_for_plan_key: &'static str,
    /// The plan's days under the budget for it. Blanks: `{days}`, `{dates}`.
    pub plan_days: &'static str,
    /// What is planned from the budget.
    pub planned_key: &'static str,
    /// Money kept aside.
    pub kept_aside_key: &'static str,
    /// What remains.
    pub remaining_key: &'static str,
    /// How far over the plan is.
    pub over_key: &'static str,
    /// Heading of the chart by goal.
    pub chart_goal_heading: &'static str,
    /// Heading of the chart by kind of support.
    pub chart_category_heading: &'static str,
    /// Text alternative of a chart. Blanks: `{rows}`.
    pub chart_description: &'static str,
    /// Table column: goal.
    pub chart_goal_column: &'static str,
    /// Table column: kind of support.
    pub chart_category_column: &'static str,
    /// Money not linked to any goal.
    pub chart_unlinked: &'static str,
    /// Nothing is planned yet.
    pub chart_empty: &'static str,

    /// Heading of findings that block.
    pub findings_blocking: &'static str,
    /// Heading of advice.
    pub findings_advice: &'static str,
    /// No findings at all.
    pub findings_none: &'static str,
    /// No findings about the parts started, while others are not started yet.
    pub findings_none_so_far: &'static str,
    /// An issue: a support's dates are outside the plan's.
    pub issue_outside_plan: &'static str,
    /// An issue caused elsewhere: the named support would be outside the plan. Blanks: `{support}`.
    pub issue_outside_plan_named: &'static str,
    /// An issue: the end is before the start.
    pub issue_invalid_dates: &'static str,
    /// An issue: a life area the scheme does not have.
    pub issue_unknown_area: &'static str,
    /// An issue: a kind of support the scheme does not have.
    pub issue_unknown_category: &'static str,
    /// An issue: a goal that is not in the plan.
    pub issue_unknown_goal: &'static str,
    /// An issue: amounts too large to work out.
    pub issue_too_large: &'static str,
    /// Any other issue.
    pub issue_other: &'static str,
}

/// English.
pub static EN: PlanText = PlanText {
    save_button: "Save and continue",
    remove: "Remove",
    not_given: "Not given",
    date_day: "Day",
    date_month: "Month",
    date_year: "Year",
    date_part_names: ["day", "month", "year"],
    date_parts_and: " and ",
    money_negative_error: "Enter an amount of 0 or more",

    invite_heading: "Plan how to use it",
    invite_body: "You can plan how to use this budget around your own goals, and see straight away whether your plan fits the rules {owner} uses. Your plan stays on this device with your answers.",
    invite_start: "Make a plan",
    invite_continue: "Continue your plan",

    tasks_heading: "Your recovery support plan",
    tasks_intro: "Plan how to use your budget around your own goals. There is no set menu: support can be paid for from your budget, or be free, from family, friends, community groups and services everyone can use.",
    tasks_any_order: "You can do these in any order and come back to them. Your plan is saved on this device as you go.",
    task_goals: "Your goals",
    task_goals_hint: "What you would like to do, in your own words",
    task_supports: "Your support",
    task_supports_hint: "What will help, what it costs and who pays",
    task_contingency: "Money kept aside",
    task_contingency_hint: "For when things get harder",
    task_crisis: "Crisis plan",
    task_crisis_hint: "Who to contact, and what helps, if things get very hard",
    task_risks: "Risks and back-up plans",
    task_risks_hint: "What might get in the way, and what happens then",
    task_holding: "How the money is held",
    task_holding_hint: "Managed by you, for you, or by the council",
    task_helpers: "Who helped you plan",
    task_helpers_hint: "People who helped you make this plan",
    task_dates: "Plan dates and review",
    task_dates_hint: "When your plan starts, ends and is looked at again",
    task_check: "Check your plan",

    goals_heading: "Your goals",
    goals_intro: "Goals are the things you would like to do, or the ways you would like life to be. Write them in your own words.",
    goals_none: "You have not added any goals yet.",
    goal_add_button: "Add a goal",
    goal_another_button: "Add another goal",
    goal_area_key: "Part of life",
    goal_measure_key: "How you will know it is working",
    goal_supports_key: "Support",
    goal_no_support: "No support yet",
    goal_add_heading: "Add a goal",
    goal_change_heading: "Change a goal",
    goal_text_label: "What is your goal?",
    goal_text_hint: "In your own words. For example, ‘Get back to swimming’ or ‘See my grandchildren more often’.",
    goal_area_legend: "Which part of your life is it about?",
    goal_measure_label: "How will you know it is working? (optional)",
    goal_measure_hint: "For example, ‘I go swimming every week’.",
    goal_text_error: "Enter your goal",
    goal_area_error: "Select which part of your life this goal is about",
    goal_remove_heading: "Are you sure you want to remove this goal?",
    goal_remove_supports: "Support that helps with it stays in your plan.",

    supports_heading: "Your support",
    supports_intro: "Support is anything that helps with your goals. It can be paid for from your budget, or be free: help from family and friends, a community group, or a service everyone can use, like the library or your GP.",
    supports_none: "You have not added any support yet.",
    support_add_button: "Add support",
    support_another_button: "Add more support",
    support_category_key: "Kind of support",
    support_payer_key: "Who pays",
    support_each_key: "Cost each time",
    support_each_units: "{amount} × {units}",
    support_often_key: "How often",
    support_when_key: "When",
    support_year_key: "A year",
    support_plan_key: "For this plan",
    support_until: "until {date}",
    support_goals_key: "Helps with",
    support_relative_key: "Paid to a close relative who lives with you",
    support_no_goals: "Not linked to a goal yet",
    support_add_heading: "Add support",
    support_change_heading: "Change support",
    support_description_label: "What is the support?",
    support_description_hint: "For example, ‘Swimming on Saturday mornings’ or ‘My sister, who phones me every evening’.",
    support_category_legend: "What kind of support is it?",
    support_payer_legend: "Who pays for it?",
    payer_budget: "My budget",
    payer_family_friends: "Family or friends, for free",
    payer_community: "A community group, for free",
    payer_universal: "A service everyone can use, for free",
    payer_universal_hint: "Like your GP, the library or a stop smoking service.",
    support_amount_label: "How much does it cost each time?",
    support_amount_hint: "In pounds, like 45 or 4.75.",
    support_units_label: "How many each time? (optional)",
    support_units_hint: "For example, 2 for two sessions each time. Leave blank for 1.",
    support_relative_legend: "Does the money go to a close relative who lives with you?",
    support_frequency_legend: "How often?",
    frequency_once: "Once",
    frequency_weekly: "Every week",
    frequency_monthly: "Every month",
    frequency_yearly: "Every year",
    support_starts_legend: "When does it start? (optional)",
    support_starts_hint: "Leave blank if it starts when your plan does. If it is paid once, this is the day it is paid. For example, 1 9 2026.",
    support_ends_legend: "When does it end? (optional)",
    support_ends_hint: "Leave blank if it carries on until your plan ends, or if it is paid once.",
    support_whole_plan: "For the whole plan",
    support_paid_on: "Paid on {date}",
    support_goals_legend: "Which of your goals does it help with?",
    support_goals_hint: "Select all that apply.",
    support_goals_none: "You have not added any goals yet. You can link this support to a goal later.",
    support_description_error: "Enter what the support is",
    support_category_error: "Select what kind of support it is",
    support_payer_error: "Select who pays for it",
    support_amount_error: "Enter how much it costs each time",
    support_units_error: "Enter how many each time, using digits, like 1 or 2",
    support_relative_error: "Select yes if the money goes to a close relative who lives with you",
    support_frequency_error: "Select how often",
    support_starts_words: DateWords {
        missing: "Enter the date it starts",
        incomplete: "The date it starts must include a {parts}",
        invalid: "The date it starts must be a real date",
    },
    support_ends_words: DateWords {
        missing: "Enter the date it ends",
        incomplete: "The date it ends must include a {parts}",
        invalid: "The date it ends must be a real date",
    },
    support_ends_before_starts: "The date it ends must be after the date it starts",
    support_remove_heading: "Are you sure you want to remove this support?",
    remove_confirm: "Yes, remove it",
    remove_cancel: "No, keep it",

    contingency_heading: "Money kept aside",
    contingency_intro: "You can keep some of your budget aside for when things get harder, so that you can get more help quickly, without a new assessment.",
    budget_for_plan_is: "Your budget for this plan is {amount}.",
    contingency_amount_label: "How much would you like to keep aside?",
    contingency_amount_hint: "Enter 0 if you do not want to keep any aside.",
    contingency_when_label: "When would you use it?",
    contingency_when_hint: "For example, ‘Extra counselling sessions if I start to feel unwell’.",
    contingency_amount_error: "Enter how much you would like to keep aside, or 0",

    crisis_heading: "Your crisis plan",
    crisis_intro: "If things get very hard, this tells the people supporting you what you would like to happen. It can be short, and you can change it at any time.",
    crisis_contacts_label: "Who should be contacted?",
    crisis_contacts_hint: "Names and how to reach them: your care coordinator, a crisis line, someone close to you.",
    crisis_helps_label: "What helps?",
    crisis_does_not_help_label: "What does not help?",
    crisis_preferences_label: "Anything else you would like to happen (optional)",
    crisis_preferences_hint: "For example, where you would like to be cared for, or who can speak for you.",

    risks_heading: "Risks and back-up plans",
    risks_intro: "Thinking about this now means there is a plan if something goes wrong.",
    risks_label: "What might get in the way, and how will you manage it?",
    if_fails_label: "What happens if a support does not turn up?",
    if_fails_hint: "For example, who you would call, or what you would do instead.",

    holding_heading: "How would you like the money to be held?",
    holding_hint: "You can change your mind later. Your care navigator can help you decide.",
    holding_split_label: "Split between these ways",
    holding_split_hint: "Some of the money held one way, and some another.",
    holding_split_legend: "How much for each way?",
    holding_error: "Select how you would like the money to be held",
    holding_split_error: "Enter an amount in pounds for at least two of the ways",
    holding_key: "How the money is held",
    holding_part: "{way}: {amount}",

    helpers_heading: "Who helped you make this plan?",
    helpers_hint: "For example, a care navigator, a peer supporter or someone in your family. Put each person on a new line. Leave it blank if you made it on your own.",

    dates_heading: "Plan dates and review",
    dates_intro: "A plan can be short, with a longer one to follow. Your budget for the plan depends on how many days it covers.",
    plan_starts_legend: "When does your plan start?",
    plan_ends_legend: "When does it end?",
    plan_review_legend: "When would you like to look at how it is going? (optional)",
    date_hint: "For example, 1 6 2026.",
    plan_review_hint: "You and the team look at the plan together against your goals. For example, 1 12 2026.",
    plan_starts_words: DateWords {
        missing: "Enter the date your plan starts",
        incomplete: "The date your plan starts must include a {parts}",
        invalid: "The date your plan starts must be a real date",
    },
    plan_ends_words: DateWords {
        missing: "Enter the date your plan ends",
        incomplete: "The date your plan ends must include a {parts}",
        invalid: "The date your plan ends must be a real date",
    },
    plan_review_words: DateWords {
        missing: "Enter the review date",
        incomplete: "The review date must include a {parts}",
        invalid: "The review date must be a real date",
    },
    plan_ends_before_starts: "The date your plan ends must be after the date it starts",
    plan_starts_key: "Plan starts",
    plan_ends_key: "Plan ends",
    plan_review_key: "Review",

    check_heading: "Check your plan",
    contingency_amount_key: "Amount",
    contingency_when_key: "When it would be used",
    crisis_contacts_key: "Who to contact",
    crisis_helps_key: "What helps",
    crisis_does_not_help_key: "What does not help",
    crisis_preferences_key: "Other wishes",
    risks_key: "What might get in the way",
    if_fails_key: "If a support does not turn up",
    helpers_key: "Who helped",
    costs_heading: "What it costs",
    costs_caption: "Each support, for a year and for the {days} days of this plan",
    costs_support: "Support",
    costs_payer: "Who pays",
    costs_per_year: "A year",
    costs_over_plan: "For this plan",
    by_payer_heading: "Who pays",
    next_heading: "What happens next",
    next_body: "Download your answers and plan, or print them, to take to {owner}. They will look at your plan with you, and focus on whether it is likely to help your recovery.",
    print: "Print your plan",
    download: "Download your answers and plan",
    print_heading: "Your recovery support plan",

    summary_heading: "Your plan so far",
    budget_key: "Your budget",
    budget_for_plan_key: "Budget for this plan",
    plan_days: "{days} days, {dates}",
    planned_key: "Planned",
    kept_aside_key: "Kept aside",
    remaining_key: "Left to plan",
    over_key: "Over the budget by",
    chart_goal_heading: "Spending by goal",
    chart_category_heading: "Spending by kind of support",
    chart_description: "A bar chart. {rows}.",
    chart_goal_column: "Goal",
    chart_category_column: "Kind of support",
    chart_unlinked: "Not linked to a goal",
    chart_empty: "Nothing is planned from your budget yet.",

    findings_blocking: "Needs changing before you send",
    findings_advice: "Things to think about",
    findings_none: "Nothing needs changing.",
    findings_none_so_far: "Nothing needs changing so far.",
    issue_outside_plan: "This support’s dates are outside your plan’s dates. Change them so that it happens while your plan runs",
    issue_outside_plan_named: "‘{support}’ would be outside these dates. Change its dates first, or choose dates that include it",
    issue_invalid_dates: "The date it ends must be after the date it starts",
    issue_unknown_area: "Select one of the parts of life shown",
    issue_unknown_category: "Select one of the kinds of support shown",
    issue_unknown_goal: "This support is linked to a goal that is not in your plan",
    issue_too_large: "These amounts are too large to work out. Check the amounts",
    issue_other: "This part of your plan needs changing",
};

#[cfg(test)]
mod tests {
    use super::EN;
    use crate::text::fill;

    /// Every blank a template uses is one its documentation promises.
    #[test]
    fn templates_use_only_documented_blanks() {
        let t = &EN;
        let cases: [(&str, &[&str]); 12] = [
            (t.invite_body, &["owner"]),
            (t.support_each_units, &["amount", "units"]),
            (t.support_until, &["date"]),
            (t.support_paid_on, &["date"]),
            (t.budget_for_plan_is, &["amount"]),
            (t.holding_part, &["way", "amount"]),
            (t.costs_caption, &["days"]),
            (t.next_body, &["owner"]),
            (t.plan_days, &["days", "dates"]),
            (t.chart_description, &["rows"]),
            (t.issue_outside_plan_named, &["support"]),
            (t.plan_starts_words.incomplete, &["parts"]),
        ];
        for (template, blanks) in cases {
            let values: Vec<(&str, &str)> = blanks.iter().map(|b| (*b, "")).collect();
            assert!(!fill(template, &values).contains('{'), "{template}");
        }
    }
}
