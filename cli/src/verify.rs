//! `waymark verify`: recompute a submission on the server and list every difference, or
//! check a review of a plan.

use crate::files;
use crate::words::Deployment;
use crate::Failure;
use waymark_engine::review::{self, Review};
use waymark_engine::submission::{self, Difference, Submission};
use waymark_engine::{limits, Scheme};
use waymark_words::consent;

/// `waymark verify`'s command line.
#[derive(clap::Args)]
pub struct Options {
    /// The submission or review file, or - for standard input.
    pub submission: String,
    /// The scheme it was worked out with.
    #[arg(long, value_name = "SCHEME")]
    pub scheme: String,
    /// The deployment's catalogues (its `lang` folder), whose consent words the submission
    /// must carry [default: the catalogues built in].
    #[arg(long, value_name = "DIR")]
    pub catalogues: Option<String>,
}

/// Prints "verified" or every difference; exit 1 when anything differs.
pub fn run(options: &Options) -> Result<(), Failure> {
    let path = &options.submission;
    let scheme = files::scheme(&options.scheme)?;
    let deployment = Deployment::load(options.catalogues.as_deref())?;
    let text = files::read(path, limits::SUBMISSION_BYTES.max(limits::REVIEW_BYTES))?;
    let name = files::display_name(path);
    let (differences, verified) = if is_review(&text) {
        let reviewed =
            Review::from_json(&text).map_err(|i| Failure::Bad(files::located(path, &i)))?;
        let verified = format!(
            "verified {name}: a review of {} goals under {} version {}",
            reviewed.goals.len(),
            scheme.id,
            scheme.version
        );
        (check_review(&scheme, &deployment, &reviewed), verified)
    } else {
        let submitted =
            Submission::from_json(&text).map_err(|i| Failure::Bad(files::located(path, &i)))?;
        let verified = format!(
            "verified {name}: {} version {}, {} a year",
            scheme.id, scheme.version, submitted.estimate.annual
        );
        (check(&scheme, &deployment, &submitted), verified)
    };
    if differences.is_empty() {
        println!("{verified}");
        return Ok(());
    }
    for d in &differences {
        crate::output::print_text(&format!("{name}: {}: {}\n", d.path, d.message));
    }
    println!("{} differences", differences.len());
    Err(Failure::Failed)
}

/// Everything that differs between a submission and what the engine works out, and its
/// consent when it is not in the words of the deployment's catalogue for its language.
pub fn check(scheme: &Scheme, deployment: &Deployment, submitted: &Submission) -> Vec<Difference> {
    let mut differences = submission::verify(scheme, submitted);
    match deployment.catalogue(&submitted.language) {
        Some(catalogue) => {
            let expected = consent::expected(catalogue, scheme, submitted);
            if submitted.consent.agreed != expected {
                differences.push(Difference {
                    path: "/consent/agreed".into(),
                    message: format!(
                        "the consent is not in this deployment's words: expected {expected:?}"
                    ),
                });
            }
        }
        // The engine has already said the language is not the scheme's.
        None if !scheme.languages.contains(&submitted.language) => {}
        None => differences.push(Difference {
            path: "/language".into(),
            message: format!(
                "this deployment has no words in {:?} to check the consent against",
                submitted.language
            ),
        }),
    }
    differences
}

/// Whether a document says it is a review (anything else is read as a submission).
pub fn is_review(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Stamp {
        format: Option<serde_json::Value>,
    }
    serde_json::from_str::<Stamp>(text)
        .is_ok_and(|s| s.format.as_ref().and_then(|f| f.as_str()) == Some(review::FORMAT))
}

/// Everything wrong with a review, and its consent when it is not in the words of the
/// deployment's catalogue for its language.
pub fn check_review(
    scheme: &Scheme,
    deployment: &Deployment,
    reviewed: &Review,
) -> Vec<Difference> {
    let mut differences = review::verify(scheme, reviewed);
    match deployment.catalogue(&reviewed.language) {
        Some(catalogue) => {
            let expected = consent::review_agreed(catalogue, scheme);
            if reviewed.consent.agreed != expected {
                differences.push(Difference {
                    path: "/consent/agreed".into(),
                    message: format!(
                        "the consent is not in this deployment's words: expected {expected:?}"
                    ),
                });
            }
        }
        None if !scheme.languages.contains(&reviewed.language) => {}
        None => differences.push(Difference {
            path: "/language".into(),
            message: format!(
                "this deployment has no words in {:?} to check the consent against",
                reviewed.language
            ),
        }),
    }
    differences
}
