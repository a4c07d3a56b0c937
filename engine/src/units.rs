//! Units of allocation values: money or plain number, checked when a scheme loads.
//!
//! Money plus money is money; money times a number is money; money times money means
//! nothing and is refused, as in Catala.

use crate::issue::did_you_mean;
use crate::scheme::{AnswerKind, Calc, Lookup, Operand, Step, Unit};
use std::collections::BTreeMap;

/// The unit of each step checked so far, by step id.
pub(crate) type StepUnits<'a> = BTreeMap<&'a str, Unit>;

/// A problem: the path below the step's `calc`, and a message.
type UnitError = (String, String);

/// The unit of an operand, or why it cannot be read.
pub(crate) fn operand_unit(
    scheme: Lookup,
    op: &Operand,
    steps: &StepUnits,
) -> Result<Unit, String> {
    let questions = || scheme.file.questions().map(|(_, q)| q.id.as_str());
    let sections = || scheme.file.sections.iter().map(|s| s.id.as_str());
    match op {
        Operand::Step(id) => steps.get(id.as_str()).copied().ok_or_else(|| {
            let hint = did_you_mean(id, steps.keys().copied());
            format!("there is no earlier step {id:?}{hint}")
        }),
        Operand::Param(id) => match scheme.parameter(id) {
            None => Err(no_parameter(scheme, id)),
            Some(p) if p.values.iter().any(|v| v.bands.is_some()) => Err(format!(
                "parameter {id:?} is a band table: read it with a band step"
            )),
            Some(p) if p.values.iter().any(|v| v.options.is_some()) => Err(format!(
                "parameter {id:?} is an options table: read it with a lookup step"
            )),
            Some(p) => Ok(p.unit),
        },
        Operand::Answer(id) => match scheme.question(id).map(|q| &q.answer) {
            None => Err(format!(
                "there is no question {id:?}{}",
                did_you_mean(id, questions())
            )),
            Some(AnswerKind::Number(_)) => Ok(Unit::Number),
            Some(AnswerKind::Money(_)) => Ok(Unit::Money),
            Some(_) => Err(format!(
                "question {id:?} is a choice: read its points instead"
            )),
        },
        Operand::Points(id) => match scheme.question(id).map(|q| &q.answer) {
            None => Err(format!(
                "there is no question {id:?}{}",
                did_you_mean(id, questions())
            )),
            Some(AnswerKind::Choice(_) | AnswerKind::YesNo(_)) => Ok(Unit::Number),
            Some(_) => Err(format!(
                "question {id:?} carries no points: read its answer instead"
            )),
        },
        Operand::Section(id) => match scheme.section(id) {
            Some(_) => Ok(Unit::Number),
            None => Err(format!(
                "there is no section {id:?}{}",
                did_you_mean(id, sections())
            )),
        },
        Operand::Money(_) => Ok(Unit::Money),
        Operand::Number(_) => Ok(Unit::Number),
    }
}

/// That there is no parameter `id`, naming the nearest one.
pub(crate) fn no_parameter(scheme: Lookup, id: &str) -> String {
    let known = scheme.file.parameters.iter().map(|p| p.id.as_str());
    format!("there is no parameter {id:?}{}", did_you_mean(id, known))
}

/// The unit of a step's result, or where and why its calculation makes no sense.
pub(crate) fn step_unit(scheme: Lookup, step: &Step, steps: &StepUnits) -> Result<Unit, UnitError> {
    let unit = |op: &Operand, path: &str| {
        operand_unit(scheme, op, steps).map_err(|m| (path.to_owned(), m))
    };
    let same = |a: (&Operand, &str), b: (&Operand, &str), what: &str| -> Result<Unit, UnitError> {
        let (ua, ub) = (unit(a.0, a.1)?, unit(b.0, b.1)?);
        if ua == ub {
            Ok(ua)
        } else {
            Err((
                b.1.to_owned(),
                format!("{what} needs both values in the same unit, money or number"),
            ))
        }
    };
    match &step.calc {
        Calc::Points(_) => Ok(Unit::Number),
        Calc::Sum(ops) | Calc::Product(ops) | Calc::Difference(ops) => {
            let (name, want_two) = match &step.calc {
                Calc::Sum(_) => ("sum", false),
                Calc::Product(_) => ("product", false),
                _ => ("difference", true),
            };
            if ops.is_empty() || (want_two && ops.len() != 2) {
                let need = if want_two {
                    "exactly two values"
                } else {
                    "at least one value"
                };
                return Err((format!("/{name}"), format!("a {name} needs {need}")));
            }
            let units = ops
                .iter()
                .enumerate()
                .map(|(k, op)| unit(op, &format!("/{name}/{k}")))
                .collect::<Result<Vec<_>, _>>()?;
            let money = units.iter().filter(|u| **u == Unit::Money).count();
            if name == "product" {
                return match money {
                    0 => Ok(Unit::Number),
                    1 => Ok(Unit::Money),
                    _ => Err((
                        format!("/{name}"),
                        "money times money means nothing: multiply money by numbers".into(),
                    )),
                };
            }
            if money != 0 && money != units.len() {
                return Err((
                    format!("/{name}"),
                    format!("a {name} cannot mix money and numbers"),
                ));
            }
            Ok(units[0])
        }
        Calc::Percent(p) => {
            if unit(&p.percent, "/percent/percent")? != Unit::Number {
                return Err((
                    "/percent/percent".into(),
                    "a percentage is a number, not money".into(),
                ));
            }
            unit(&p.of, "/percent/of")
        }
        Calc::Divide(d) => {
            if unit(&d.by, "/divide/by")? != Unit::Number {
                return Err((
                    "/divide/by".into(),
                    "divide by a number, not by money".into(),
                ));
            }
            if step.round.is_none() {
                return Err((
                    "/divide".into(),
                    "a division needs a stated rounding: give the step a round".into(),
                ));
            }
            unit(&d.value, "/divide/value")
        }
        Calc::Power(p) => {
            if !(1..=4).contains(&p.exponent) {
                return Err((
                    "/power/exponent".into(),
                    "the power must be 1, 2, 3 or 4".into(),
                ));
            }
            match unit(&p.of, "/power/of")? {
                Unit::Number => Ok(Unit::Number),
                Unit::Money => Err((
                    "/power/of".into(),
                    "money cannot be raised to a power".into(),
                )),
            }
        }
        Calc::Band(b) => {
            if unit(&b.of, "/band/of")? != Unit::Number {
                return Err((
                    "/band/of".into(),
                    "bands are looked up by a number, not money".into(),
                ));
            }
            match scheme.parameter(&b.table) {
                Some(p) if p.values.iter().all(|v| v.bands.is_some()) => Ok(p.unit),
                Some(_) => Err((
                    "/band/table".into(),
                    format!("parameter {:?} is not a band table", b.table),
                )),
                None => Err(("/band/table".into(), no_parameter(scheme, &b.table))),
            }
        }
        Calc::Lookup(l) => {
            let table_unit = match scheme.parameter(&l.table) {
                Some(p) if p.values.iter().all(|v| v.options.is_some()) => p.unit,
                Some(_) => {
                    return Err((
                        "/lookup/table".into(),
                        format!("parameter {:?} is not an options table", l.table),
                    ))
                }
                None => return Err(("/lookup/table".into(), no_parameter(scheme, &l.table))),
            };
            match scheme.question(&l.question).map(|q| &q.answer) {
                Some(AnswerKind::Choice(_)) => {}
                Some(_) => {
                    return Err((
                        "/lookup/question".into(),
                        format!(
                        "question {:?} is not a choice, so nothing can be looked up by its option",
                        l.question
                    ),
                    ))
                }
                None => {
                    let questions = scheme.file.questions().map(|(_, q)| q.id.as_str());
                    return Err((
                        "/lookup/question".into(),
                        format!(
                            "there is no question {:?}{}",
                            l.question,
                            did_you_mean(&l.question, questions)
                        ),
                    ));
                }
            }
            match &l.otherwise {
                Some(otherwise) if unit(otherwise, "/lookup/otherwise")? != table_unit => Err((
                    "/lookup/otherwise".into(),
                    "a lookup needs its table and otherwise in the same unit, money or number"
                        .into(),
                )),
                _ => Ok(table_unit),
            }
        }
        Calc::Weighted(w) => {
            if w.terms.is_empty() {
                return Err((
                    "/weighted/terms".into(),
                    "a weighted sum needs at least one term".into(),
                ));
            }
            let mut units = Vec::with_capacity(w.terms.len() + 1);
            if let Some(base) = &w.base {
                units.push(unit(base, "/weighted/base")?);
            }
            for (k, t) in w.terms.iter().enumerate() {
                let at = format!("/weighted/terms/{k}");
                let weight = unit(&t.weight, &format!("{at}/weight"))?;
                let value = unit(&t.value, &format!("{at}/value"))?;
                units.push(match (weight, value) {
                    (Unit::Money, Unit::Money) => {
                        return Err((
                            at,
                            "money times money means nothing: weigh money by numbers".into(),
                        ))
                    }
                    (Unit::Number, Unit::Number) => Unit::Number,
                    _ => Unit::Money,
                });
            }
            if units.windows(2).any(|u| u[0] != u[1]) {
                return Err((
                    "/weighted".into(),
                    "a weighted sum cannot mix money and numbers: every term and the base \
                     must be money, or every one a number"
                        .into(),
                ));
            }
            Ok(units[0])
        }
        Calc::AsMoney(v) => match unit(v, "/as_money")? {
            Unit::Number => Ok(Unit::Money),
            Unit::Money => Err((
                "/as_money".into(),
                "this is money already: as_money takes a number".into(),
            )),
        },
        Calc::Refer(t) => same(
            (&t.value, "/refer/value"),
            (&t.at_least, "/refer/at_least"),
            "a level for a conversation",
        ),
        Calc::AtMost(l) => same(
            (&l.value, "/at_most/value"),
            (&l.limit, "/at_most/limit"),
            "a cap",
        ),
        Calc::AtLeast(l) => same(
            (&l.value, "/at_least/value"),
            (&l.limit, "/at_least/limit"),
            "a floor",
        ),
        Calc::Require(t) => same(
            (&t.value, "/require/value"),
            (&t.at_least, "/require/at_least"),
            "a threshold",
        ),
        Calc::Choose(c) => same(
            (&c.then, "/choose/then"),
            (&c.otherwise, "/choose/otherwise"),
            "a choice",
        ),
    }
}
