//! Properties of comparing two estimates over every example scheme: the difference is the
//! later amount less the earlier, the answers named are exactly those changed, and a change
//! in money always names the step where it started while no change names none.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use waymark_engine::compare::{compare, Side};
use waymark_engine::estimate;
use waymark_tests::{examples, random_answers, random_date, Rng};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn a_comparison_names_what_changed_and_where_the_money_changed(seed in any::<u64>()) {
        for ex in examples() {
            let s = &ex.scheme;
            let mut rng = Rng::new(seed);
            let before = random_answers(s, &mut rng);
            let after = random_answers(s, &mut rng);
            let date = random_date(s, &mut rng);
            let (Ok(a), Ok(b)) = (estimate(s, &before, date), estimate(s, &after, date)) else {
                continue;
            };
            let side = |answers, estimate| Side { scheme: s, answers, estimate };
            let c = compare(side(&before, &a), side(&after, &b));
            let both = a.has_amount() && b.has_amount();
            prop_assert_eq!(c.difference.map(|d| d.0), both.then(|| b.annual.0 - a.annual.0));
            let differ: Vec<&str> = s
                .questions()
                .map(|(_, q)| q.id.as_str())
                .filter(|id| before.0.get(*id) != after.0.get(*id))
                .collect();
            prop_assert_eq!(&c.changed_answers, &differ, "{}", ex.name);
            let moved = a.annual != b.annual || a.eligible != b.eligible || a.conversation != b.conversation;
            prop_assert_eq!(
                !c.changed_steps.is_empty(),
                moved,
                "{}: {} to {}, steps {:?}",
                ex.name, a.annual, b.annual, c.changed_steps
            );
            let same = compare(side(&after, &b), side(&after, &b));
            prop_assert!(same.changed_answers.is_empty() && same.changed_steps.is_empty());
        }
    }
}
