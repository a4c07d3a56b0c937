//! A simple, accessible bar chart: an inline SVG that is one image to assistive technology
//! (`role="img"`, with a `<title>` and a `<desc>` that reads out every figure), followed
//! by a table of the same figures for anyone who prefers one.

use crate::text::{fill, text};
use waymark_engine::scheme::Currency;
use waymark_engine::Decimal;
use yew::prelude::*;

/// The chart's drawing width, in SVG units; it scales to its column.
const WIDTH: u32 = 300;
/// The height of one bar's row: its label above, the bar below.
const ROW: u32 = 44;
/// The widest bar, leaving room for its amount beside it.
const BAR: u32 = 190;
/// The longest label drawn in the chart; longer ones are shortened there, and the table
/// has them in full.
const LABEL_CHARS: usize = 36;

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What it is.
    pub label: String,
    /// How much.
    pub amount: Decimal,
}

/// What a chart shows.
#[derive(Debug, Clone, Copy)]
pub struct Chart<'a> {
    /// The chart's id, for its title and description.
    pub id: &'a str,
    /// The chart's heading.
    pub heading: &'a str,
    /// The heading level, like `h3`.
    pub level: &'a str,
    /// The heading of the table's first column.
    pub column: &'a str,
    /// The heading of the table's amount column.
    pub amount_column: &'a str,
    /// The amounts' currency.
    pub currency: Currency,
}

/// A horizontal bar chart of `bars`, with its table.
pub fn bar_chart(chart: Chart, bars: &[Bar]) -> Html {
    let t = &text().plan;
    let currency = chart.currency;
    let most = bars
        .iter()
        .map(|b| b.amount)
        .max()
        .filter(|m| *m > Decimal::ZERO);
    let rows: Vec<String> = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, text().money(b.amount, currency)))
        .collect();
    let description = fill(&t.chart_description, &[("rows", &rows.join("; "))]);
    let height = ROW * u32::try_from(bars.len()).unwrap_or(u32::MAX / ROW).max(1);
    let title_id = format!("{}-title", chart.id);
    let desc_id = format!("{}-desc", chart.id);
    let drawn = bars.iter().enumerate().map(|(i, bar)| {
        let top = ROW * u32::try_from(i).unwrap_or_default();
        let width = most.map_or(0, |most| scale(bar.amount, most));
        html! {
            <g>
                <text class="waymark-chart__label" x="0" y={(top + 14).to_string()}>
                    { shorten(&bar.label) }
                </text>
                <rect class="waymark-chart__bar" x="0" y={(top + 20).to_string()}
                    width={width.to_string()} height="16" />
                <text class="waymark-chart__amount" x={(width + 6).to_string()} y={(top + 33).to_string()}>
                    { text().money(bar.amount, currency) }
                </text>
            </g>
        }
    });
    let rows = bars.iter().map(|bar| {
        html! {
            <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">{ &bar.label }</th>
                <td class="govuk-table__cell govuk-table__cell--numeric">{ text().money(bar.amount, currency) }</td>
            </tr>
        }
    });
    html! {
        <figure class="waymark-chart">
            <@{chart.level.to_owned()} class="govuk-heading-s">{ chart.heading.to_owned() }</@>
            <svg class="waymark-chart__svg" role="img" aria-labelledby={title_id.clone()}
                aria-describedby={desc_id.clone()}
                viewBox={format!("0 0 {WIDTH} {height}")} xmlns="http://www.w3.org/2000/svg"
                focusable="false">
                <title id={title_id}>{ chart.heading.to_owned() }</title>
                <desc id={desc_id}>{ description }</desc>
                { for drawn }
            </svg>
            <table class="govuk-table waymark-chart__table">
                <caption class="govuk-visually-hidden">{ chart.heading.to_owned() }</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{ chart.column.to_owned() }</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                            { chart.amount_column.to_owned() }
                        </th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">{ for rows }</tbody>
            </table>
        </figure>
    }
}

/// A bar's width for `amount` when the largest is `most` (above zero): whole units (cut
/// down), and at least one for any amount above zero so that it can be seen.
fn scale(amount: Decimal, most: Decimal) -> u32 {
    let share = amount * Decimal::from(BAR) / most;
    let whole = share
        .trunc()
        .normalize()
        .to_string()
        .parse::<u32>()
        .unwrap_or_default();
    if amount > Decimal::ZERO {
        whole.clamp(1, BAR)
    } else {
        0
    }
}

/// A label short enough to draw, with an ellipsis when cut.
fn shorten(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        return label.to_owned();
    }
    let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_scaled_to_the_largest_and_never_vanish() {
        assert_eq!(scale(Decimal::from(100), Decimal::from(100)), BAR);
        assert_eq!(scale(Decimal::from(50), Decimal::from(100)), BAR / 2);
        assert_eq!(scale(Decimal::new(1, 2), Decimal::from(100_000)), 1);
        assert_eq!(scale(Decimal::ZERO, Decimal::from(100)), 0);
    }

    #[test]
    fn long_labels_are_shortened_in_the_drawing_only() {
        assert_eq!(shorten("Swim again"), "Swim again");
        let long = "Feel more confident, see people more, and stop hurting myself";
        let short = shorten(long);
        assert!(short.ends_with('…'));
        assert!(short.chars().count() <= LABEL_CHARS);
    }
}
