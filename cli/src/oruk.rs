//! Reading Open Referral UK services into directory entries.
//!
//! ORUK 1.0 is what councils publish (LocalGov Drupal's Open Referral module serves it at
//! `/openreferral/v1/services`): a paginated list (`totalElements`, `totalPages`,
//! `number`, `size`, `first`, `last`, `content`) or a single service. Its own spellings are
//! kept (`service_taxonomys`, `eligibilitys`); a service has `regular_schedules` while a
//! service at a location has `regular_schedule`; cost amounts are JSON numbers; an
//! organisation's id is a UUID; and unset fields are often `null`. ORUK 3.0 lists
//! (`total_items`, `contents`) and services (`schedules`, `addresses`, `attributes`) are
//! read too.
//!
//! Feeds are foreign input, so they are read leniently (unknown fields are ignored) but
//! every value kept is checked: a service with a value that cannot be right is refused
//! whole, with the JSON path of the value, and the rest go on. A feed's numbers are read
//! as the digits written ([`parse`]), never through floating point, since a cost is money.

use serde_json::{Map, Value};
use waymark_engine::directory::{
    is_email, is_phone, is_web_link, minutes, Cost, Day, Delivery, Entry, Opening, Place,
    DESCRIPTION_CHARS, NAME_CHARS,
};
use waymark_engine::plan::Frequency;
use waymark_engine::{Date, Decimal, Issue, Money};

/// Marks a number read as its digits: [`parse`] writes each JSON number as a string that
/// starts with this character, which no text in a feed can carry (JSON has no raw NUL).
const NUMBER: char = '\0';

/// Reads JSON text with each number kept as the digits written, as a string that starts
/// with [`NUMBER`], so no amount passes through floating point on the way in.
pub fn parse(text: &str) -> Result<Value, serde_json::Error> {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(bytes.len() + bytes.len() / 8);
    let (mut in_string, mut escaped) = (false, false);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
        } else if b == b'-' || b.is_ascii_digit() {
            let end = bytes[i..]
                .iter()
                .position(|c| !(c.is_ascii_digit() || b"+-.eE".contains(c)))
                .map_or(bytes.len(), |n| i + n);
            out.extend_from_slice(b"\"\\u0000");
            out.extend_from_slice(&bytes[i..end]);
            out.push(b'"');
            i = end;
            continue;
        } else if b == b'"' {
            in_string = true;
        }
        out.push(b);
        i += 1;
    }
    // Only ASCII was added between whole characters of the text, so it is still UTF-8.
    let text = String::from_utf8(out).unwrap_or_default();
    serde_json::from_str(&text)
}

/// The digits of a number [`parse`] read, or none for any other value.
pub fn digits(value: &Value) -> Option<&str> {
    value.as_str()?.strip_prefix(NUMBER)
}

/// What a feed's page says about the whole feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Services in the whole feed.
    pub total: u64,
    /// Pages in the whole feed.
    pub pages: u64,
    /// This page's number.
    pub number: u64,
    /// Services on this page.
    pub count: u64,
}

/// Services with their JSON paths in a file.
pub type Services<'a> = Vec<(String, &'a Map<String, Value>)>;

/// The services of one file, and its page, if it is one.
pub struct Feed<'a> {
    /// Each service with its JSON path in the file.
    pub services: Services<'a>,
    /// The page's numbers, for a paginated list.
    pub page: Option<Page>,
}

/// The services of a file read as ORUK: a paginated list (1.0 or 3.0), a bare list of
/// services, or one service; or why it is not ORUK at all.
pub fn feed(value: &Value) -> Result<Feed<'_>, String> {
    match value {
        Value::Object(page) if page.contains_key("content") || page.contains_key("contents") => {
            let (key, total, pages, number) = if page.contains_key("content") {
                ("content", "totalElements", "totalPages", "number")
            } else {
                ("contents", "total_items", "total_pages", "page_number")
            };
            let items = page
                .get(key)
                .and_then(Value::as_array)
                .ok_or_else(|| format!("/{key}: a page's services are a list"))?;
            let count = |k: &str| {
                page.get(k)
                    .and_then(digits)
                    .and_then(|n| n.parse::<u64>().ok())
                    .ok_or_else(|| format!("/{k}: a page says this as a whole number"))
            };
            Ok(Feed {
                services: services(items, key)?,
                page: Some(Page {
                    total: count(total)?,
                    pages: count(pages)?,
                    number: count(number)?,
                    count: items.len() as u64,
                }),
            })
        }
        Value::Array(items) => Ok(Feed {
            services: services(items, "")?,
            page: None,
        }),
        Value::Object(service) if service.contains_key("id") && service.contains_key("name") => {
            Ok(Feed {
                services: vec![(String::new(), service)],
                page: None,
            })
        }
        _ => Err("this is not Open Referral UK data: expected a page of services (content or contents), a list of services or one service".into()),
    }
}

fn services<'a>(items: &'a [Value], key: &str) -> Result<Services<'a>, String> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let at = if key.is_empty() {
                format!("/{i}")
            } else {
                format!("/{key}/{i}")
            };
            match item {
                Value::Object(service) => Ok((at, service)),
                _ => Err(format!("{at}: a service is an object")),
            }
        })
        .collect()
}

/// The mapping from a feed's taxonomy terms to the scheme's categories and life areas.
pub trait Terms {
    /// The categories and areas for a term, by its id or name.
    fn map(&self, id: Option<&str>, name: &str) -> (Vec<String>, Vec<String>);
}

/// A service read from the feed: its entry, and what goes in the directory's tables.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    /// The service's id in the feed.
    pub id: String,
    /// The organisation that runs it.
    pub organisation: String,
    /// The places it is offered at.
    pub places: Vec<Place>,
    /// Its taxonomy terms' names.
    pub terms: Vec<String>,
    /// The entry, before it points into the tables.
    pub entry: Entry,
}

/// What became of a service.
pub enum Read {
    /// It is kept, with anything that was changed on the way in (links dropped).
    Kept(Box<Service>, Vec<Issue>),
    /// It is left out on purpose: the feed says it is not running.
    Inactive(String),
    /// It has a value that cannot be right.
    Refused(Vec<Issue>),
}

/// Reads one service at JSON path `at`.
pub fn entry(service: &Map<String, Value>, at: &str, terms: &dyn Terms) -> Read {
    let mut r = Reader {
        at,
        refused: Vec::new(),
        changed: Vec::new(),
    };
    let status = r.text(service, "status");
    if let Some(status) = status.filter(|s| matches!(s.as_str(), "inactive" | "defunct")) {
        return Read::Inactive(status);
    }
    let id = r.required(service, "id");
    let name = r
        .required(service, "name")
        .map(|n| r.plain_line(&n, "/name"));
    let organisation = r.organisation(service);
    let description = r
        .text(service, "description")
        .map(|d| shorten(&plain(&d), DESCRIPTION_CHARS))
        .unwrap_or_default();
    let url = r.link(service, "url", "");
    let email = r.email(service);
    let phone = r.phone(service);
    let costs = r.costs(service);
    let (places, mut opening, mut delivery) = r.locations(service);
    opening.extend(r.schedules(service, "regular_schedules", ""));
    opening.extend(r.schedules(service, "schedules", ""));
    delivery.extend(r.attending(service));
    delivery.sort();
    delivery.dedup();
    let (categories, areas, term_names) = r.terms(service, terms);
    let languages = r.languages(service);
    let (Some(id), Some(name)) = (id, name) else {
        return Read::Refused(r.refused);
    };
    if !r.refused.is_empty() {
        return Read::Refused(r.refused);
    }
    let language = text_language(&languages);
    Read::Kept(
        Box::new(Service {
            id,
            organisation,
            places,
            terms: term_names,
            entry: Entry {
                name,
                organisation: None,
                description,
                language,
                categories,
                areas,
                terms: Vec::new(),
                costs,
                delivery,
                places: Vec::new(),
                url,
                email,
                phone,
                opening,
                languages,
            },
        }),
        r.changed,
    )
}

struct Reader<'a> {
    at: &'a str,
    refused: Vec<Issue>,
    changed: Vec<Issue>,
}

impl Reader<'_> {
    fn refuse(&mut self, path: String, code: &str, message: impl Into<String>) {
        self.refused
            .push(Issue::new(code, format!("{}{path}", self.at), message));
    }

    /// A string field: absent and `null` are none; anything but a string is refused.
    fn text_at(&mut self, object: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        match object.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) if !s.starts_with(NUMBER) => Some(s.clone()),
            Some(_) => {
                self.refuse(
                    format!("{path}/{key}"),
                    "invalid_value",
                    "this should be text",
                );
                None
            }
        }
    }

    fn text(&mut self, object: &Map<String, Value>, key: &str) -> Option<String> {
        self.text_at(object, key, "")
    }

    fn required(&mut self, object: &Map<String, Value>, key: &str) -> Option<String> {
        let value = self.text(object, key);
        if value.is_none()
            && !self
                .refused
                .iter()
                .any(|i| i.path.ends_with(&format!("/{key}")))
        {
            self.refuse(
                format!("/{key}"),
                "missing_value",
                format!("a service needs its {key}"),
            );
        }
        value
    }

    /// Text for one line: plain, with its whitespace run together, within the limit.
    fn plain_line(&mut self, text: &str, path: &str) -> String {
        let line = plain(text).split_whitespace().collect::<Vec<_>>().join(" ");
        if line.chars().count() > NAME_CHARS {
            self.refuse(
                path.into(),
                "too_large",
                format!("a name may be at most {NAME_CHARS} characters"),
            );
        }
        line
    }

    fn organisation(&mut self, service: &Map<String, Value>) -> String {
        let Some(Value::Object(org)) = service.get("organization") else {
            return String::new();
        };
        if let Some(id) = self.text_at(org, "id", "/organization") {
            if !waymark_engine::submission::is_uuid(&id.to_ascii_lowercase()) {
                self.refuse(
                    "/organization/id".into(),
                    "invalid_value",
                    format!("{id:?} is not a UUID, as an organisation's id must be"),
                );
            }
        }
        match self.text_at(org, "name", "/organization") {
            Some(name) => self.plain_line(&name, "/organization/name"),
            None => String::new(),
        }
    }

    /// A web link, kept only when it is `http://` or `https://`.
    fn link(&mut self, object: &Map<String, Value>, key: &str, path: &str) -> Option<String> {
        let url = self.text_at(object, key, path)?.trim().to_owned();
        if is_web_link(&url) {
            Some(url)
        } else {
            self.changed.push(Issue::new(
                "link_dropped",
                format!("{}{path}/{key}", self.at),
                "only http:// and https:// links are kept",
            ));
            None
        }
    }

    fn email(&mut self, service: &Map<String, Value>) -> Option<String> {
        let from_org = match service.get("organization") {
            Some(Value::Object(org)) => self.text_at(org, "email", "/organization"),
            _ => None,
        };
        let email = self.text(service, "email").or(from_org)?;
        let email = email.trim().trim_start_matches("mailto:").to_owned();
        self.kept_if(email, is_email, "/email", "this is not an email address")
    }

    /// A contact kept when it is `valid`, or dropped, saying why.
    fn kept_if(
        &mut self,
        value: String,
        valid: fn(&str) -> bool,
        path: &str,
        why: &str,
    ) -> Option<String> {
        if valid(&value) {
            return Some(value);
        }
        self.changed.push(Issue::new(
            "link_dropped",
            format!("{}{path}", self.at),
            format!("{why}, so it is left out"),
        ));
        None
    }

    fn phone(&mut self, service: &Map<String, Value>) -> Option<String> {
        let mut numbers = Vec::new();
        let contacts = array(service, "contacts");
        for contact in contacts.iter().filter_map(Value::as_object) {
            for phone in array(contact, "phones").iter().filter_map(Value::as_object) {
                numbers.extend(phone.get("number").and_then(Value::as_str));
            }
        }
        for phone in array(service, "phones").iter().filter_map(Value::as_object) {
            numbers.extend(phone.get("number").and_then(Value::as_str));
        }
        let number = numbers
            .first()?
            .trim()
            .trim_start_matches("tel:")
            .to_owned();
        self.kept_if(number, is_phone, "/contacts", "this is not a phone number")
    }

    fn costs(&mut self, service: &Map<String, Value>) -> Vec<Cost> {
        let mut out = Vec::new();
        for (k, cost) in array(service, "cost_options").iter().enumerate() {
            let path = format!("/cost_options/{k}");
            let Some(cost) = cost.as_object() else {
                self.refuse(path, "invalid_value", "a cost option is an object");
                continue;
            };
            let amount = match cost.get("amount") {
                None | Some(Value::Null) => Decimal::ZERO,
                Some(value) if digits(value).is_some() => match exact(digits(value)) {
                    Ok(d) if d.is_sign_negative() && !d.is_zero() => {
                        self.refuse(
                            format!("{path}/amount"),
                            "negative_amount",
                            "a cost cannot be negative",
                        );
                        continue;
                    }
                    Ok(d) if d.normalize().scale() > 2 => {
                        self.refuse(
                            format!("{path}/amount"),
                            "invalid_value",
                            "an amount has at most two decimal places",
                        );
                        continue;
                    }
                    Ok(mut d) => {
                        d.rescale(2);
                        d
                    }
                    Err(()) => {
                        self.refuse(
                            format!("{path}/amount"),
                            "invalid_value",
                            "this is not an amount that can be kept exactly",
                        );
                        continue;
                    }
                },
                Some(_) => {
                    self.refuse(
                        format!("{path}/amount"),
                        "invalid_value",
                        "a cost's amount is a number, like 5.50",
                    );
                    continue;
                }
            };
            let per = self
                .text_at(cost, "amount_description", &path)
                .map(|p| plain(&p));
            let option = self.text_at(cost, "option", &path).map(|o| plain(&o));
            let from = self.date(cost, "valid_from", &path);
            let to = self.date(cost, "valid_to", &path);
            out.push(Cost {
                amount: Money(amount),
                frequency: per.as_deref().and_then(frequency),
                per,
                option,
                from,
                to,
            });
        }
        out
    }

    fn date(&mut self, object: &Map<String, Value>, key: &str, path: &str) -> Option<Date> {
        let text = self.text_at(object, key, path)?;
        let day = text.split('T').next().unwrap_or_default();
        match day.parse::<Date>() {
            Ok(date) => Some(date),
            Err(_) => {
                self.refuse(
                    format!("{path}/{key}"),
                    "invalid_date",
                    format!("{text:?} is not a date"),
                );
                None
            }
        }
    }

    /// Places, their opening times, and how the service is offered there.
    fn locations(
        &mut self,
        service: &Map<String, Value>,
    ) -> (Vec<Place>, Vec<Opening>, Vec<Delivery>) {
        let mut places = Vec::new();
        let mut opening = Vec::new();
        for (k, at_location) in array(service, "service_at_locations").iter().enumerate() {
            let path = format!("/service_at_locations/{k}");
            let Some(at_location) = at_location.as_object() else {
                continue;
            };
            opening.extend(self.schedules(at_location, "regular_schedule", &path));
            opening.extend(self.schedules(at_location, "schedules", &path));
            let Some(Value::Object(location)) = at_location.get("location") else {
                continue;
            };
            let path = format!("{path}/location");
            let name = self
                .text_at(location, "name", &path)
                .map(|n| self.plain_line(&n, &format!("{path}/name")));
            let addresses = [
                array(location, "physical_addresses"),
                array(location, "addresses"),
            ]
            .concat();
            let address = addresses.first().and_then(Value::as_object);
            let (line, postcode) = match address {
                Some(a) => {
                    let parts: Vec<String> = ["address_1", "address_2", "city"]
                        .iter()
                        .filter_map(|k| a.get(*k).and_then(Value::as_str))
                        .map(|s| plain(s).trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect();
                    let postcode = a
                        .get("postal_code")
                        .and_then(Value::as_str)
                        .map(|p| p.trim().to_uppercase())
                        .filter(|p| !p.is_empty());
                    (parts.join(", "), postcode)
                }
                None => (String::new(), None),
            };
            if name.is_some() || !line.is_empty() || postcode.is_some() {
                places.push(Place {
                    name,
                    address: line,
                    postcode,
                });
            }
        }
        let delivery = if places.is_empty() {
            Vec::new()
        } else {
            vec![Delivery::InPerson]
        };
        (places, opening, delivery)
    }

    fn attending(&mut self, service: &Map<String, Value>) -> Vec<Delivery> {
        match self.text(service, "attending_type").as_deref() {
            Some("online") => vec![Delivery::Online],
            Some("phone") => vec![Delivery::Phone],
            Some("venue") => vec![Delivery::InPerson],
            Some("home visit") => vec![Delivery::AtHome],
            _ => Vec::new(),
        }
    }

    /// Opening times from a list of schedules (`regular_schedules` on a service,
    /// `regular_schedule` on a service at a location, `schedules` in ORUK 3.0).
    fn schedules(&mut self, object: &Map<String, Value>, key: &str, path: &str) -> Vec<Opening> {
        let mut out = Vec::new();
        for (k, schedule) in array(object, key).iter().enumerate() {
            let here = format!("{path}/{key}/{k}");
            let Some(schedule) = schedule.as_object() else {
                continue;
            };
            let (Some(opens), Some(closes)) = (
                self.text_at(schedule, "opens_at", &here),
                self.text_at(schedule, "closes_at", &here),
            ) else {
                continue;
            };
            let (opens, closes) = (hours(&opens), hours(&closes));
            match (
                opens.as_deref().and_then(minutes),
                closes.as_deref().and_then(minutes),
            ) {
                (Some(o), Some(c)) if o < c => {}
                (Some(_), Some(_)) => {
                    self.refuse(
                        format!("{here}/closes_at"),
                        "impossible_time",
                        "it closes before it opens",
                    );
                    continue;
                }
                _ => {
                    self.refuse(
                        here,
                        "impossible_time",
                        "times are HH:MM or HH:MM:SS, from 00:00 to 23:59",
                    );
                    continue;
                }
            }
            let byday = self.text_at(schedule, "byday", &here).unwrap_or_default();
            let mut days = Vec::new();
            for code in byday.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                match day(code) {
                    Some(d) => days.push(d),
                    None => {
                        self.refuse(
                            format!("{here}/byday"),
                            "invalid_value",
                            format!("{code:?} is not a day (MO to SU)"),
                        );
                        days.clear();
                        break;
                    }
                }
            }
            if days.is_empty() {
                continue;
            }
            out.push(Opening {
                days,
                opens: opens.unwrap_or_default(),
                closes: closes.unwrap_or_default(),
            });
        }
        out
    }

    fn terms(
        &mut self,
        service: &Map<String, Value>,
        terms: &dyn Terms,
    ) -> (Vec<String>, Vec<String>, Vec<String>) {
        let mut categories = Vec::new();
        let mut areas = Vec::new();
        let mut names = Vec::new();
        let taxonomies = [
            array(service, "service_taxonomys"),
            array(service, "attributes"),
        ]
        .concat();
        for link in taxonomies.iter().filter_map(Value::as_object) {
            let term = link
                .get("taxonomy")
                .or_else(|| link.get("taxonomy_term"))
                .and_then(Value::as_object);
            let Some(term) = term else { continue };
            let Some(name) = term
                .get("name")
                .and_then(Value::as_str)
                .map(|n| plain(n).trim().to_owned())
            else {
                continue;
            };
            let (c, a) = terms.map(term.get("id").and_then(Value::as_str), &name);
            categories.extend(c);
            areas.extend(a);
            names.push(name);
        }
        for list in [&mut categories, &mut areas, &mut names] {
            let mut seen = std::collections::BTreeSet::new();
            list.retain(|x| seen.insert(x.clone()));
        }
        (categories, areas, names)
    }

    fn languages(&mut self, service: &Map<String, Value>) -> Vec<String> {
        array(service, "languages")
            .iter()
            .filter_map(Value::as_object)
            .filter_map(|l| {
                l.get("language")
                    .or_else(|| l.get("name"))
                    .and_then(Value::as_str)
            })
            .map(|l| plain(l).trim().to_owned())
            .filter(|l| !l.is_empty())
            .collect()
    }
}

/// The language of a service's own text, when the feed gives one language spoken and it
/// is Welsh: ORUK has no field for the language its text is written in, and a Welsh-only
/// service is written in Welsh.
fn text_language(spoken: &[String]) -> Option<String> {
    match spoken {
        [only] if ["welsh", "cymraeg"].contains(&only.to_lowercase().as_str()) => Some("cy".into()),
        _ => None,
    }
}

/// A number's digits as an exact decimal, written plainly (`5.50`) or with an exponent.
fn exact(written: Option<&str>) -> Result<Decimal, ()> {
    let written = written.ok_or(())?;
    if written.contains(['e', 'E']) {
        Decimal::from_scientific(written).map_err(|_| ())
    } else {
        written.parse().map_err(|_| ())
    }
}

/// A field's list, or nothing when it is absent, `null` or not a list.
fn array<'a>(object: &'a Map<String, Value>, key: &str) -> &'a [Value] {
    object
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// HTML, Markdown-ish or plain text as plain text: tags removed, entities decoded, line
/// breaks kept between paragraphs.
pub fn plain(text: &str) -> String {
    // Wide enough that no line is wrapped: paragraphs stay whole.
    let rendered = html2text::config::plain_no_decorate()
        .raw_mode(true)
        .string_from_read(text.as_bytes(), 100_000)
        .unwrap_or_else(|_| text.to_owned());
    let lines: Vec<&str> = rendered.lines().map(str::trim).collect();
    let mut out = String::new();
    for line in lines.split(|l| l.is_empty()).filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line.join(" "));
    }
    out.chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .map(|c| if c == '\u{a0}' { ' ' } else { c })
        .collect()
}

/// Text cut to at most `most` characters at a word, marked as cut with `…`.
pub fn shorten(text: &str, most: usize) -> String {
    if text.chars().count() <= most {
        return text.to_owned();
    }
    let cut: String = text.chars().take(most - 1).collect();
    let at_word = cut.rfind(char::is_whitespace).filter(|i| *i > most / 2);
    let kept = at_word.map_or(cut.as_str(), |i| &cut[..i]);
    format!(
        "{}…",
        kept.trim_end_matches([',', ';', ':', '.', ' ', '\n'])
    )
}

/// A time as `HH:MM`, from `HH:MM` or `HH:MM:SS`.
fn hours(time: &str) -> Option<String> {
    let time = time.trim();
    if !time.is_ascii() {
        return None;
    }
    let (hm, seconds) = match time.len() {
        5 => (time, None),
        8 => (&time[..5], Some(&time[5..])),
        _ => return None,
    };
    let two_digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    if seconds.is_some_and(|s| !s.starts_with(':') || !two_digits(&s[1..])) {
        return None;
    }
    Some(hm.to_owned())
}

fn day(code: &str) -> Option<Day> {
    Some(match code.to_ascii_uppercase().as_str() {
        "MO" => Day::Monday,
        "TU" => Day::Tuesday,
        "WE" => Day::Wednesday,
        "TH" => Day::Thursday,
        "FR" => Day::Friday,
        "SA" => Day::Saturday,
        "SU" => Day::Sunday,
        _ => return None,
    })
}

/// How often a cost is paid, where its description says so plainly.
fn frequency(per: &str) -> Option<Frequency> {
    let per = per.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| per.contains(w));
    if has(&["week"]) {
        Some(Frequency::Weekly)
    } else if has(&["month"]) {
        Some(Frequency::Monthly)
    } else if has(&["year", "annual", "annum"]) {
        Some(Frequency::Yearly)
    } else if has(&["one-off", "one off", "once"]) {
        Some(Frequency::Once)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_their_digits() {
        let value = parse(r#"{"a": 12.0000000000000001, "b": [1e-7, -3], "c": "5.50"}"#).unwrap();
        assert_eq!(digits(&value["a"]), Some("12.0000000000000001"));
        assert_eq!(
            exact(digits(&value["b"][0])),
            Ok("0.0000001".parse().unwrap())
        );
        assert_eq!(digits(&value["b"][1]), Some("-3"));
        assert_eq!(digits(&value["c"]), None);
    }

    #[test]
    fn html_becomes_plain_text_with_entities_decoded() {
        assert_eq!(
            plain("<p>Tea &amp; <b>talk</b>&nbsp;on Fridays</p><p>Free &pound;0</p><script>alert(1)</script>"),
            "Tea & talk on Fridays\nFree £0"
        );
        assert_eq!(plain("Line one\r\nline two"), "Line one line two");
    }

    #[test]
    fn long_text_is_cut_at_a_word() {
        let cut = shorten("one two three four five six", 15);
        assert_eq!(cut, "one two three…");
        assert!(cut.chars().count() <= 15);
    }

    #[test]
    fn times_and_days_read_as_oruk_writes_them() {
        assert_eq!(hours("09:30:00").as_deref(), Some("09:30"));
        assert_eq!(hours("9:30"), None);
        assert_eq!(hours("1234é67"), None);
        assert_eq!(hours("09:30:xx"), None);
        assert_eq!(day("mo"), Some(Day::Monday));
        assert_eq!(frequency("per week"), Some(Frequency::Weekly));
        assert_eq!(frequency("per session"), None);
    }
}
