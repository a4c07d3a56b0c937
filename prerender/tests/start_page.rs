//! The start page drawn for the deployment's own site: the default scheme's words and the
//! catalogue's, in the generic header and footer, and the template with it put in.

use std::path::{Path, PathBuf};
use waymark_engine::Date;
use waymark_prerender::{draw, insert, Drawing, Drawn, Step, MARKER};
use waymark_words::Catalogue;

fn site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../www")
}

fn english() -> Catalogue {
    Catalogue::from_json(include_str!("../../www/lang/en.json")).unwrap()
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// The drawing of the site on a day its default scheme (Northvale's) covers.
fn covered() -> Drawn {
    draw(&site(), date("2026-06-01")).unwrap()
}

#[test]
fn the_start_page_is_the_default_schemes_in_english() {
    let drawn = covered();
    let t = english();
    let html = &drawn.default.html;
    assert_eq!(drawn.default.language, "en");
    assert_eq!(
        drawn.fetched,
        ["config.json", "schemes/northvale-recovery-2026.json"],
        "what the app fetches as it starts"
    );
    assert_eq!(
        drawn.default.title,
        "Northvale recovery personal budget – Estimate a personal budget – Northvale Council Adult Social Care"
    );
    let expected = [
        r##"<a href="#main-content" class="govuk-skip-link">"##.to_owned() + &t.app.skip_link + "</a>",
        r#"<span class="govuk-header__logotype-text">Northvale Council Adult Social Care</span>"#.to_owned(),
        format!(r##"<a href="#/" class="govuk-header__link govuk-header__service-name">{}</a>"##, t.app.service_name),
        r##"<a href="?lang=cy#/" lang="cy" hreflang="cy" class="govuk-link waymark-language__link">Cymraeg</a>"##.to_owned(),
        r#"<h1 tabindex="-1" class="govuk-heading-xl">Northvale recovery personal budget</h1>"#.to_owned(),
        format!(r#"<p class="govuk-body-l">{}</p>"#, t.app.start_what),
        format!(r#"<div class="govuk-inset-text"><p class="govuk-body">{}</p></div>"#, t.app.start_privacy),
        format!(r##"<a href="#/saved" class="govuk-link">{}</a>"##, t.app.start_load_file),
        format!(r#"<p class="govuk-footer__text">{}</p>"#, t.app.footer_privacy),
    ];
    for part in expected {
        assert!(html.contains(&part), "{part}\nis not in\n{html}");
    }
    let start = format!(
        r##"<a href="#/tasks" draggable="false" class="govuk-button govuk-button--start">{}"##,
        t.app.start_button
    );
    assert!(html.contains(&start), "{html}");
    assert!(html.starts_with("<a href=\"#main-content\""), "{html}");
    assert!(html.ends_with("</footer>"), "{html}");
    assert!(!html.contains("<!--"), "no hydration markers: {html}");
    assert!(!html.contains(&t.app.loading), "{html}");
}

#[test]
fn the_start_button_leads_to_the_task_list_and_then_the_first_question_drawn_ahead() {
    let drawn = covered();
    let t = english();
    let hashes: Vec<&str> = drawn
        .default
        .first_steps
        .iter()
        .map(|s| s.hash.as_str())
        .collect();
    assert_eq!(hashes, ["#/tasks", "#/questions/wellbeing_impact"]);
    let [tasks, question] = &drawn.default.first_steps[..] else {
        unreachable!()
    };
    assert_eq!(
        tasks.title,
        format!(
            "{} – Estimate a personal budget – Northvale Council Adult Social Care",
            t.app.tasks_heading
        )
    );
    assert!(
        tasks
            .html
            .contains(r##"href="#/questions/wellbeing_impact""##),
        "{}",
        tasks.html
    );
    assert!(
        question
            .html
            .contains(r#"data-question-id="wellbeing_impact""#),
        "{}",
        question.html
    );
    assert!(
        question.html.contains(r#"type="radio""#),
        "{}",
        question.html
    );
    for step in &drawn.default.first_steps {
        assert!(step.html.ends_with("</footer>"), "{}", step.html);
        assert!(!step.html.contains("<!--"), "{}", step.html);
    }
}

#[test]
fn the_same_pages_are_drawn_in_welsh() {
    let drawn = covered();
    let [welsh] = &drawn.others[..] else {
        panic!("one other language: {:?}", drawn.others.len());
    };
    let t = Catalogue::from_json(include_str!("../../www/lang/cy.json")).unwrap();
    assert_eq!(welsh.language, "cy");
    assert_eq!(
        welsh.title,
        format!(
            "Cyllideb bersonol adfer Northvale – {} – Gofal Cymdeithasol i Oedolion Cyngor Northvale",
            t.app.service_name
        )
    );
    for part in [
        format!(r#"<p class="govuk-body-l">{}</p>"#, t.app.start_what),
        r##"<a href="?lang=en#/" lang="en" hreflang="en" class="govuk-link waymark-language__link">English</a>"##.to_owned(),
    ] {
        assert!(welsh.html.contains(&part), "{part}\nis not in\n{}", welsh.html);
    }
    let hashes = |d: &Drawing| {
        d.first_steps
            .iter()
            .map(|s| s.hash.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(hashes(welsh), hashes(&drawn.default));
    assert!(
        welsh.first_steps[1].html.contains(&t.app.continue_button),
        "{}",
        welsh.first_steps[1].html
    );
}

#[test]
fn a_day_the_scheme_does_not_cover_is_drawn_as_the_app_draws_it() {
    let drawn = draw(&site(), date("2028-01-15")).unwrap();
    assert!(
        drawn.default.html.contains("govuk-warning-text"),
        "{}",
        drawn.default.html
    );
    assert!(
        drawn.default.html.contains("15 January 2028"),
        "{}",
        drawn.default.html
    );
    assert!(
        !drawn.default.html.contains("govuk-button--start"),
        "{}",
        drawn.default.html
    );
    assert_eq!(
        drawn.default.first_steps,
        [],
        "nothing to start, so nothing drawn ahead"
    );
}

#[test]
fn a_site_that_cannot_be_read_is_named() {
    let problems = draw(Path::new("/nonexistent"), date("2026-06-01")).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].starts_with("config.json: "), "{problems:?}");
}

#[test]
fn the_template_gets_the_page_the_title_and_the_language() {
    let template = include_str!("../../web/site/index.html");
    let drawn = Drawn {
        default: Drawing {
            html: "<main>drawn</main>".into(),
            title: "Start & go – Service".into(),
            language: "cy".into(),
            first_steps: vec![Step {
                hash: "#/tasks".into(),
                title: "Tasks \"one\" – Service".into(),
                html: "<main>tasks</main>".into(),
            }],
        },
        others: vec![Drawing {
            html: "<main>in English</main>".into(),
            title: "Start – Service".into(),
            language: "en".into(),
            first_steps: vec![Step {
                hash: "#/tasks".into(),
                title: "Tasks – Service".into(),
                html: "<main>tasks in English</main>".into(),
            }],
        }],
        fetched: vec!["config.json".into(), "lang/cy.json".into()],
    };
    let page = insert(template, &drawn).unwrap();
    assert!(
        page.contains(concat!(
            "<div id=\"app\">\n    <main>drawn</main>",
            "<template data-page=\"#/tasks\" data-title=\"Tasks &quot;one&quot; – Service\"><main>tasks</main></template>",
            "<template data-language=\"en\" data-title=\"Start – Service\"><main>in English</main>",
            "<template data-page=\"#/tasks\" data-title=\"Tasks – Service\"><main>tasks in English</main></template>",
            "</template>",
            "\n    <noscript>"
        )),
        "{page}"
    );
    assert!(
        page.contains("<title>Start &amp; go – Service</title>"),
        "{page}"
    );
    assert!(
        page.starts_with("<!DOCTYPE html>\n<html lang=\"cy\" class=\"govuk-template\">"),
        "{page}"
    );
    assert!(!page.contains(MARKER));
    assert!(
        page.contains(concat!(
            "  <link rel=\"preload\" href=\"config.json\" as=\"fetch\" type=\"application/json\" crossorigin>\n",
            "  <link rel=\"preload\" href=\"lang/cy.json\" as=\"fetch\" type=\"application/json\" crossorigin>\n",
            "</head>"
        )),
        "{page}"
    );
    let noscript = template.split("<noscript>").nth(1).unwrap();
    assert!(page.contains(noscript), "the noscript message is kept");
}

#[test]
fn a_template_without_one_marker_is_refused() {
    let drawn = covered();
    for template in [
        "<html><title>t</title><div id=\"app\"></div>".to_owned(),
        format!("{MARKER}{MARKER}"),
    ] {
        let error = insert(&template, &drawn).unwrap_err();
        assert!(error.contains(MARKER), "{error}");
    }
    let error = insert(&format!("<html><div>{MARKER}</div>"), &drawn).unwrap_err();
    assert_eq!(error, "the template has no <title>");
}
