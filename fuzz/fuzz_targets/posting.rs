//! Arbitrary bytes shared into Reps as text. Reading them as a posting must
//! answer (a guess, or why not) and never panic, and what it guesses must
//! fit the lead form: one-line fields within their limits, pay whose
//! lowest figure is not above its highest, the ad within the note limit.
//!
//! Run: `cargo +nightly fuzz run posting fuzz/seeds/posting`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use reps_core::domain::limits;
use reps_core::rules::posting::read_posting;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(p) = read_posting(&text) else {
        return;
    };
    for field in [&p.company, &p.role, &p.location] {
        assert!(field.chars().count() <= limits::SHORT, "{field:?}");
        assert!(!field.contains('\n'), "{field:?}");
        assert_eq!(field.trim(), field.as_str());
    }
    assert!(p.link.chars().count() <= limits::LINK);
    assert!(p.ad.chars().count() <= limits::NOTE);
    if let Some(pay) = &p.pay {
        if let (Some(lo), Some(hi)) = (pay.min, pay.max) {
            assert!(lo <= hi, "{pay:?}");
        }
        assert!(pay.validate("pay").is_ok(), "{pay:?}");
    }
});
