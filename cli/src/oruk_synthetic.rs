//! `waymark directory synthetic`: a made-up Open Referral UK feed of any size, so a council
//! can try `waymark directory import` and the app's search without its own data, and so
//! the size and speed of a large directory can be measured. The same seed always gives
//! the same feed.
//!
//! Services are built like a real directory's: a few hundred organisations, each running
//! several services at shared venues with one phone number, short descriptions of one or
//! two sentences, about two in five with a cost, and taxonomy terms from the example
//! Northvale mapping.

use crate::caseload::Rng;
use crate::{output, Failure};
use serde_json::{json, Value};

/// `waymark directory synthetic`'s command line.
#[derive(clap::Args)]
pub struct Options {
    /// How many services.
    #[arg(long, default_value_t = 1000, value_name = "N")]
    pub count: u64,
    /// The seed: the same seed always gives the same feed.
    #[arg(long, default_value_t = 1, value_name = "S")]
    pub seed: u64,
    /// Where to write the feed, as one ORUK 1.0 page [default: standard output].
    #[arg(long, value_name = "FILE")]
    pub out: Option<String>,
}

const ACTIVITIES: &[&str] = &[
    "walking",
    "swimming",
    "gardening",
    "cooking",
    "reading",
    "singing",
    "art",
    "pottery",
    "football",
    "yoga",
    "chess",
    "knitting",
    "woodwork",
    "photography",
    "drama",
    "dance",
    "cycling",
    "coffee",
    "music",
    "computer",
    "writing",
    "crafts",
    "tennis",
    "bowls",
];
const KINDS: &[&str] = &[
    "group",
    "club",
    "class",
    "drop-in",
    "cafe",
    "workshop",
    "course",
    "session",
    "circle",
    "meet-up",
    "project",
    "support group",
    "advice service",
    "helpline",
];
const PLACES: &[&str] = &[
    "Riverside",
    "Hillside",
    "Market",
    "Station",
    "Park",
    "Oak Tree",
    "Millbrook",
    "Ashfield",
    "St Mary's",
    "Kingsway",
    "Northgate",
    "Westfield",
    "Elm Grove",
    "Canal Side",
];
const BUILDINGS: &[&str] = &[
    "Community Centre",
    "Library",
    "Church Hall",
    "Hub",
    "House",
    "Sports Centre",
];
const STREETS: &[&str] = &[
    "High Street",
    "Station Road",
    "Church Lane",
    "Park Road",
    "Mill Lane",
    "Victoria Road",
    "Queen Street",
    "Market Place",
    "School Lane",
    "Green Lane",
    "King Street",
    "Bridge Road",
];
const TOWNS: &[&str] = &[
    "Northvale",
    "Eastport",
    "Hill End",
    "Marston",
    "Brookfield",
    "Oakley",
];
const OPENINGS: &[&str] = &[
    "A friendly",
    "A small",
    "A free",
    "A weekly",
    "A relaxed",
    "A welcoming",
    "An informal",
];
const FOR_WHOM: &[&str] = &[
    "for adults of any age",
    "for people new to the area",
    "for carers and families",
    "for anyone who wants to try something new",
    "for people in recovery",
    "for beginners",
    "for people living with long-term conditions",
    "for men who want to meet others",
];
const SECOND: &[&str] = &[
    "No need to book.",
    "Tea and biscuits provided.",
    "Come on your own or bring a friend.",
    "Wheelchair accessible.",
    "Run by trained volunteers.",
    "Equipment provided.",
    "Talk to us first if you have questions.",
    "Places are limited, so please call ahead.",
];
const TERMS: &[&str] = &[
    "Counselling",
    "Peer support",
    "Adult learning",
    "Digital skills",
    "Sport and fitness",
    "Walking",
    "Community transport",
    "Personal assistants",
    "Money advice",
    "Short breaks",
    "Equipment and adaptations",
    "Care homes",
    "Carers support",
    "Community groups",
    "Volunteering",
    "Arts and creativity",
    "Employment support",
];
/// What a paid service's cost is per, and its least amount in pence.
const PER: &[(&str, u64)] = &[
    ("per session", 400),
    ("per session", 650),
    ("per month", 2000),
    ("per course", 4500),
    ("per hour", 1800),
    ("per visit", 200),
    ("per week", 1200),
];
const DAYS: &[&str] = &[
    "MO",
    "TU",
    "WE",
    "TH",
    "FR",
    "SA",
    "MO,WE,FR",
    "TU,TH",
    "MO,TU,WE,TH,FR",
];
const HOURS: &[(&str, &str)] = &[
    ("09:00:00", "12:00:00"),
    ("10:00:00", "12:00:00"),
    ("13:00:00", "15:30:00"),
    ("18:00:00", "20:00:00"),
    ("09:30:00", "16:30:00"),
    ("19:00:00", "21:00:00"),
];

/// Writes a synthetic feed.
pub fn run(options: &Options) -> Result<(), Failure> {
    let feed = feed(options.count, options.seed);
    let mut out = output::Output::create(options.out.as_deref())?;
    out.write(&format!("{feed}\n"))?;
    out.finish()
}

/// A feed of `count` services from `seed`, as the text of one ORUK 1.0 page. Its costs
/// are JSON numbers written from whole pence, never through floating point.
pub fn feed(count: u64, seed: u64) -> String {
    let page = page(count, seed).to_string();
    // Each cost was written as the string "AMOUNT:pounds.pence": write it as the number.
    let mut out = String::with_capacity(page.len());
    let mut rest = page.as_str();
    while let Some(at) = rest.find("\"AMOUNT:") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "\"AMOUNT:".len()..];
        let end = after.find('"').unwrap_or(after.len());
        out.push_str(&after[..end]);
        rest = after.get(end + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The page, with each cost as the string `"AMOUNT:pounds.pence"`.
fn page(count: u64, seed: u64) -> Value {
    let mut rng = Rng(seed);
    let organisations = (count / 12).max(1);
    let venues = (count / 6).max(1);
    let mut seen = std::collections::BTreeSet::new();
    let services: Vec<Value> = (0..count)
        .map(|n| loop {
            // A service is drawn again when the same name, organisation and venue came up.
            let drawn = service(n, organisations, venues, &mut rng);
            let key = (
                drawn["name"].to_string(),
                drawn["organization"]["id"].to_string(),
                drawn["service_at_locations"][0]["location"]["id"].to_string(),
            );
            if seen.insert(key) {
                break drawn;
            }
        })
        .collect();
    json!({
        "totalElements": count, "totalPages": 1, "number": 1, "size": count,
        "first": true, "last": true, "empty": count == 0, "content": services
    })
}

fn service(n: u64, organisations: u64, venues: u64, rng: &mut Rng) -> Value {
    let org = rng.below(organisations);
    let venue = rng.below(venues);
    let activity = rng.pick(ACTIVITIES);
    let kind = rng.pick(KINDS);
    let place = PLACES[(venue as usize) % PLACES.len()];
    let name = format!("{place} {activity} {kind}");
    let mut description = format!(
        "{} {activity} {kind} {}.",
        rng.pick(OPENINGS),
        rng.pick(FOR_WHOM)
    );
    if rng.below(2) == 0 {
        description.push(' ');
        description.push_str(rng.pick(SECOND));
    }
    let costs = if rng.below(5) < 2 {
        let (per, base) = PER[rng.below(PER.len() as u64) as usize];
        let pence = base + 50 * rng.below(4);
        let amount = format!("AMOUNT:{}.{:02}", pence / 100, pence % 100);
        json!([{"id": format!("cost-{n}"), "amount": amount, "amount_description": per, "option": null, "valid_from": null, "valid_to": null}])
    } else {
        json!([])
    };
    let (opens, closes) = HOURS[rng.below(HOURS.len() as u64) as usize];
    let online = rng.below(8) == 0;
    let locations = if online {
        json!([])
    } else {
        json!([{"id": format!("sal-{n}"), "location": {
            "id": format!("loc-{venue}"),
            "name": format!("{place} {}", BUILDINGS[(venue as usize) % BUILDINGS.len()]),
            "physical_addresses": [{
                "address_1": format!("{} {}", 1 + venue % 180, STREETS[(venue as usize) % STREETS.len()]),
                "city": TOWNS[(venue as usize) % TOWNS.len()],
                "postal_code": format!("NV{} {}{}", 1 + venue % 9, venue % 10, ["AB", "DE", "FG", "HJ", "LN"][(venue as usize) % 5]),
            }]},
            "regular_schedule": [{"id": format!("rs-{n}"), "opens_at": opens, "closes_at": closes, "byday": rng.pick(DAYS)}]
        }])
    };
    let terms: Vec<Value> = (0..1 + rng.below(2))
        .map(|k| {
            let term = rng.pick(TERMS);
            json!({"id": format!("st-{n}-{k}"), "taxonomy": {"id": term.to_lowercase().replace(' ', "-"), "name": term, "vocabulary": "Northvale directory"}})
        })
        .collect();
    json!({
        "id": format!("{:08x}-0000-4000-8000-{n:012x}", rng.next() as u32),
        "name": name, "description": description, "status": "active",
        "url": if rng.below(3) == 0 { Value::from(format!("https://example.org/org-{org}/{n}")) } else { Value::Null },
        "attending_type": if online { "online" } else { "venue" },
        "organization": {
            "id": format!("{org:08x}-0000-4000-8000-000000000000"),
            "name": organisation_name(org),
            "description": ""
        },
        "contacts": [{"id": format!("c-{n}"), "phones": [{"number": format!("01632 {:06}", 100_000 + org * 7 % 900_000)}]}],
        "cost_options": costs,
        "service_at_locations": locations,
        "regular_schedules": if online { json!([{"id": format!("rso-{n}"), "opens_at": opens, "closes_at": closes, "byday": rng.pick(DAYS)}]) } else { json!([]) },
        "service_taxonomys": terms,
        "languages": [{"language": "English"}]
    })
}

/// The `n`th organisation's name: a place, an activity and a kind of body, different for
/// each of the first 1,680.
fn organisation_name(n: u64) -> String {
    const BODIES: &[&str] = &[
        "Trust",
        "Community Association",
        "Charity",
        "CIC",
        "Volunteers",
    ];
    let n = n as usize;
    let place = PLACES[n % PLACES.len()];
    let activity = ACTIVITIES[(n / PLACES.len()) % ACTIVITIES.len()];
    let body = BODIES[(n / (PLACES.len() * ACTIVITIES.len())) % BODIES.len()];
    let mut activity = activity.to_owned();
    if let Some(first) = activity.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    format!("{place} {activity} {body}")
}

/// The caseload's generator, with the draws a feed needs.
trait Draw {
    fn below(&mut self, n: u64) -> u64;
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str;
}

impl Draw for Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len() as u64) as usize]
    }
}
