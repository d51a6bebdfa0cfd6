//! Contacts as vCard 4.0 (RFC 6350), for an address book: one VCARD per
//! person, with their current company and role, the ways to reach them that
//! the journal holds, and where we met. Content lines share the iCalendar
//! writer (same escaping, folding at 75 octets, CRLF).

use crate::Contact;
use crate::formats::ics::lines::{Writer, escape};

/// The contacts as vCard 4.0 text.
pub fn vcards(contacts: &[Contact]) -> String {
    let mut w = Writer::default();
    for c in contacts {
        vcard(&mut w, c);
    }
    w.finish()
}

fn vcard(w: &mut Writer, c: &Contact) {
    let d = &c.details;
    let name = d.name.trim();
    w.begin("VCARD");
    w.raw("VERSION", &[], "4.0");
    w.raw("PRODID", &[], "-//Reps//Interview journal//EN");
    w.raw("UID", &[], &format!("urn:uuid:{}", c.id));
    w.raw("KIND", &[], "individual");
    w.text("FN", name);
    w.raw("N", &[], &structured_name(name));
    // The current position: what the user typed, else the latest one seen.
    let last = c.history.last();
    let company = Some(d.company.trim())
        .filter(|s| !s.is_empty())
        .or_else(|| last.map(|p| p.company.trim()))
        .unwrap_or("");
    let role = Some(d.role.trim())
        .filter(|s| !s.is_empty())
        .or_else(|| last.map(|p| p.role.trim()))
        .unwrap_or("");
    if !company.is_empty() {
        w.raw("ORG", &[], &escape(company));
    }
    if !role.is_empty() {
        w.text("TITLE", role);
    }
    let mut reach = Reach::read(&d.reach);
    // the email and phone fields first (older journals kept them in "reach")
    if !d.email.trim().is_empty() {
        reach.emails.insert(0, d.email.trim().to_string());
    }
    if !d.phone.trim().is_empty() {
        reach.phones.insert(0, d.phone.trim().to_string());
    }
    reach.emails.dedup();
    reach.phones.dedup();
    for e in &reach.emails {
        w.text("EMAIL", e);
    }
    for t in &reach.phones {
        w.raw("TEL", &[("VALUE", "uri")], &format!("tel:{}", tel_uri(t)));
    }
    for u in &reach.urls {
        w.raw("URL", &[], u);
    }
    let mut note = Vec::new();
    if !d.notes.trim().is_empty() {
        note.push(d.notes.trim().to_string());
    }
    let met = match (d.met_where.trim(), d.met_on) {
        ("", None) => String::new(),
        ("", Some(on)) => format!("Met on {on}"),
        (place, None) => format!("Met: {place}"),
        (place, Some(on)) => format!("Met: {place}, on {on}"),
    };
    if !met.is_empty() {
        note.push(met);
    }
    if !reach.other.is_empty() {
        note.push(format!("Reach: {}", reach.other.join(", ")));
    }
    if !note.is_empty() {
        w.text("NOTE", &note.join("\n"));
    }
    w.raw(
        "REV",
        &[],
        &format!("{}Z", c.updated.utc().format("%Y%m%dT%H%M%S")),
    );
    w.end("VCARD");
}

/// `N`: family; given; additional names; prefixes; suffixes. The last word
/// is taken as the family name, the first as the given name.
fn structured_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (family, given, additional) = match words.as_slice() {
        [] => ("", "", String::new()),
        [one] => ("", *one, String::new()),
        [first, middle @ .., last] => (*last, *first, middle.join(" ")),
    };
    format!(
        "{};{};{};;",
        escape(family),
        escape(given),
        escape(&additional)
    )
}

/// A phone number as written, reduced to what a `tel:` URI holds.
fn tel_uri(phone: &str) -> String {
    phone
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '+')
        .collect()
}

/// The free "reach" field, sorted into what vCard has a property for.
#[derive(Debug, Default, PartialEq)]
struct Reach {
    emails: Vec<String>,
    phones: Vec<String>,
    urls: Vec<String>,
    other: Vec<String>,
}

impl Reach {
    fn read(text: &str) -> Self {
        let mut r = Reach::default();
        for chunk in text.split([',', ';', '|', '\n']) {
            let mut rest = Vec::new();
            for word in chunk.split_whitespace() {
                let bare = word.trim_matches(|c: char| matches!(c, '<' | '>' | '(' | ')'));
                let lower = bare.to_ascii_lowercase();
                if let Some(mail) = lower.strip_prefix("mailto:") {
                    r.emails.push(mail.to_string());
                } else if bare.contains('@') && !bare.contains('/') && bare.contains('.') {
                    r.emails.push(bare.to_string());
                } else if lower.starts_with("https://") || lower.starts_with("http://") {
                    r.urls.push(bare.to_string());
                } else if lower.starts_with("www.") || lower.starts_with("linkedin.com/") {
                    r.urls.push(format!("https://{bare}"));
                } else {
                    rest.push(word);
                }
            }
            let rest = rest.join(" ");
            let digits = rest.chars().filter(char::is_ascii_digit).count();
            let phone_like = rest
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().".contains(c));
            if digits >= 6 && phone_like {
                r.phones.push(rest.trim().to_string());
            } else if !rest.trim().is_empty() {
                r.other.push(rest.trim().to_string());
            }
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::ContactId;
    use crate::time::at;
    use crate::{ContactDetails, Position};

    fn contact(details: ContactDetails) -> Contact {
        let t = at("2026-06-10T09:00:00+02:00[Europe/Paris]");
        Contact {
            id: ContactId(uuid::Uuid::from_u128(
                0x0190_0000_0000_7000_8000_0000_0000_0001,
            )),
            created: t,
            updated: t,
            details,
            history: Vec::new(),
            last_contact: None,
        }
    }

    #[test]
    fn a_contact_becomes_a_vcard_4_with_every_field_it_has() {
        let mut d = ContactDetails::named("Marie-Claire de la Tour");
        d.company = "Société Générale, Paris".into();
        d.role = "Head of Data; Platform".into();
        d.reach =
            "marie@sg.example, +33 6 12 34 56 78; https://linkedin.com/in/mc; ask at the desk"
                .into();
        d.notes = "Warm\nLikes Rust".into();
        d.met_where = "Panel interview".into();
        let text = vcards(&[contact(d)]);
        assert!(text.ends_with("END:VCARD\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        let flat = text.replace("\r\n ", "");
        for want in [
            "VERSION:4.0",
            "UID:urn:uuid:01900000-0000-7000-8000-000000000001",
            "FN:Marie-Claire de la Tour",
            "N:Tour;Marie-Claire;de la;;",
            "ORG:Société Générale\\, Paris",
            "TITLE:Head of Data\\; Platform",
            "EMAIL:marie@sg.example",
            "TEL;VALUE=uri:tel:+33612345678",
            "URL:https://linkedin.com/in/mc",
            "NOTE:Warm\\nLikes Rust\\nMet: Panel interview\\nReach: ask at the desk",
            "REV:20260610T070000Z",
        ] {
            assert!(
                flat.contains(&format!("\r\n{want}\r\n")),
                "{want} in\n{flat}"
            );
        }
    }

    #[test]
    fn the_latest_position_stands_in_when_the_details_have_none() {
        let mut c = contact(ContactDetails::named("Sam"));
        c.history.push(Position {
            company: "Initech".into(),
            role: "CTO".into(),
            since: c.created,
        });
        let text = vcards(&[c]);
        assert!(text.contains("\r\nORG:Initech\r\n"));
        assert!(text.contains("\r\nTITLE:CTO\r\n"));
        assert!(text.contains("\r\nN:;Sam;;;\r\n"));
    }

    #[test]
    fn the_email_and_phone_fields_come_first_and_once() {
        let mut d = ContactDetails::named("Jo");
        d.email = "jo@acme.io".into();
        d.phone = "+44 20 7946 0958".into();
        d.reach = "jo@acme.io, jo@home.org".into();
        let flat = vcards(&[contact(d)]).replace("\r\n ", "");
        assert_eq!(flat.matches("EMAIL:jo@acme.io").count(), 1, "{flat}");
        let (work, home) = (
            flat.find("EMAIL:jo@acme.io"),
            flat.find("EMAIL:jo@home.org"),
        );
        assert!(work < home, "{flat}");
        assert!(flat.contains("TEL;VALUE=uri:tel:+442079460958"), "{flat}");
    }

    #[test]
    fn reach_is_sorted_into_emails_phones_and_links() {
        let r = Reach::read("<jo@acme.io> (555) 123-4567 | www.jo.dev\nmailto:Jo@Home.org");
        assert_eq!(r.emails, ["jo@acme.io", "jo@home.org"]);
        assert_eq!(r.phones, ["(555) 123-4567"]);
        assert_eq!(r.urls, ["https://www.jo.dev"]);
        assert!(r.other.is_empty());
    }
}
