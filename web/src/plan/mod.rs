//! The recovery support plan in the browser, with no DOM in sight.
//!
//! A person builds their plan page by page after seeing their estimate. The plan itself is
//! the engine's [`Plan`] document, kept in the state and saved with the answers, so what the
//! page shows, what is downloaded and what `waymark validate` reads are the same thing.
//! Every change is a form sent from a page: [`read`] turns what was typed into parts of the
//! plan or into GOV.UK field errors, [`edit`] applies them (checking the plan's structure
//! with the engine, so a plan held in the state always costs), and [`locate`] turns the
//! JSON Pointer of an engine finding or issue into the page and field it is about.
//!
//! - [`route`]: the plan's pages, their addresses, headings and back links.
//! - [`form`]: what a form sent, as names and values.
//! - [`ids`]: the id of every field, shared by pages, errors and findings.
//! - [`budget`]: the budget a plan is checked against, and a new plan's dates.
//! - [`find`]: "Find local support", the scheme's directory searched on the device.
//! - [`names`]: what a person reads for the ids and values in a plan.
//! - [`status`]: how far along each part of the plan is, for its task list.
//! - [`text`]: the plan's part of the interface text catalogue.

pub mod budget;
pub mod edit;
pub mod find;
pub mod form;
pub mod ids;
pub mod locate;
pub mod names;
pub mod read;
pub mod route;
pub mod status;

#[cfg(test)]
pub(crate) mod testing;

pub use edit::PlanAction;
pub use form::Form;
pub use route::{Item, PlanPage, PlanRoute};
