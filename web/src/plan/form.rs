//! What a form sent: its fields' names and values, in order, as the browser's `FormData`
//! gives them. A checkbox group sends one value per ticked box under the same name.

/// A sent form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    fields: Vec<(String, String)>,
}

impl Form {
    /// A form with these fields.
    pub fn new(fields: Vec<(String, String)>) -> Form {
        Form { fields }
    }

    /// The first value sent under `name`, or the empty string when there is none.
    pub fn text(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// The first value sent under `name`, trimmed; `None` when it is blank.
    pub fn given(&self, name: &str) -> Option<&str> {
        Some(self.text(name).trim()).filter(|s| !s.is_empty())
    }

    /// Every value sent under `name`, in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.fields
            .iter()
            .filter(move |(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl<const N: usize> From<[(&str, &str); N]> for Form {
    fn from(fields: [(&str, &str); N]) -> Form {
        Form::new(
            fields
                .iter()
                .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_read_by_name() {
        let form = Form::from([("a", " x "), ("goals", "g1"), ("goals", "g2"), ("b", "  ")]);
        assert_eq!(form.text("a"), " x ");
        assert_eq!(form.given("a"), Some("x"));
        assert_eq!(form.given("b"), None);
        assert_eq!(form.text("missing"), "");
        assert_eq!(form.all("goals").collect::<Vec<_>>(), ["g1", "g2"]);
    }
}
