//! The words the site shows before the app starts (the page's title, the message for a
//! browser without JavaScript in `index.html`, and the message in `main.js` when the app
//! cannot start) are the catalogues' own, in every language there is a catalogue for.
//! These are the page's sources in `web/site/`, which `make web` publishes into `www/`
//! with the start page drawn into `index.html`.
#![cfg(not(target_arch = "wasm32"))]

use waymark_words::embedded;

const INDEX: &str = include_str!("../web/site/index.html");
const MAIN: &str = include_str!("../web/site/main.js");

#[test]
fn the_static_page_says_the_catalogues_words_in_every_language() {
    let languages: Vec<&str> = embedded::languages().collect();
    assert!(
        languages.contains(&"cy") && languages.contains(&"en"),
        "{languages:?}"
    );
    for code in languages {
        let c = embedded::catalogue(code).unwrap().unwrap();
        let app = &c.app;
        assert!(
            INDEX.contains(&format!("<div lang=\"{code}\">")),
            "index.html has no {code} part"
        );
        for words in [&app.service_name, &app.noscript_body] {
            assert!(
                INDEX.contains(words.as_str()),
                "index.html lacks the {code} {words:?}"
            );
        }
        let title = INDEX.split("<title>").nth(1).unwrap_or_default();
        assert!(
            title.contains(app.service_name.as_str()),
            "the title lacks {code}"
        );
        assert!(
            MAIN.contains(&format!("lang: \"{code}\"")),
            "main.js has no {code} message"
        );
        for words in [&app.load_failed_heading, &app.start_failed_body] {
            assert!(
                MAIN.contains(&format!("{:?}", words)),
                "main.js lacks the {code} {words:?}"
            );
        }
    }
}
