#!/usr/bin/env python3
"""Checks Reps' calendar and contacts exports with third-party parsers.

    check_ics.py calendar FILE.ics   # python `icalendar`
    check_ics.py vcard FILE.vcf      # python `vobject`

Prints one JSON object that crates/reps-core/tests/calendar.rs asserts on:
what the parser read (events, their UIDs, UTC instants, alarms; cards and
their fields) and a list of `problems` (anything a calendar or address book
would trip on). Exits 2 when the file cannot be parsed at all.
"""

import datetime as dt
import json
import sys


def wire_problems(data: bytes) -> list:
    """Line ends and folding, checked on the raw bytes."""
    problems = []
    if b"\n" in data.replace(b"\r\n", b""):
        problems.append("a line ends with a bare LF")
    if not data.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    for n, line in enumerate(data.split(b"\r\n"), 1):
        if len(line) > 75:
            problems.append(f"line {n} is {len(line)} octets long")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {n} splits a UTF-8 character")
    return problems


def calendar(data: bytes) -> dict:
    from icalendar import Calendar

    cal = Calendar.from_ical(data)
    problems = wire_problems(data)
    zones = {str(tz["TZID"]): tz for tz in cal.walk("VTIMEZONE")}
    # Our own VTIMEZONE definitions, not the parser's IANA lookup, so the
    # offsets they give are checked against the tz database below.
    defined = {tzid: tz.to_tz(lookup_tzid=False) for tzid, tz in zones.items()}
    events = []
    for ev in cal.walk("VEVENT"):
        uid = str(ev.get("UID", ""))
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            if prop not in ev:
                problems.append(f"{uid or 'an event'} has no {prop}")
        if "DTSTART" not in ev or "DTEND" not in ev:
            continue
        times = {}
        for prop in ("DTSTART", "DTEND"):
            value = ev.decoded(prop)
            if not isinstance(value, dt.datetime) or value.tzinfo is None:
                problems.append(f"{uid}: {prop} is not a zoned date-time")
                continue
            tzid = ev[prop].params.get("TZID")
            if tzid is not None:
                if tzid not in zones:
                    problems.append(f"{uid}: TZID {tzid} has no VTIMEZONE")
                else:
                    naive = value.replace(tzinfo=None)
                    ours = naive.replace(tzinfo=defined[tzid]).utcoffset()
                    real = value.utcoffset()
                    if ours != real:
                        problems.append(
                            f"{uid}: VTIMEZONE {tzid} gives {ours} at {naive}, the tz database {real}"
                        )
            times[prop] = value.astimezone(dt.timezone.utc)
        if len(times) < 2:
            continue
        if times["DTEND"] <= times["DTSTART"]:
            problems.append(f"{uid}: ends before it starts")
        alarms = []
        for alarm in ev.walk("VALARM"):
            if alarm.get("ACTION") != "DISPLAY" or "DESCRIPTION" not in alarm:
                problems.append(f"{uid}: an alarm is not a DISPLAY alarm with a DESCRIPTION")
            alarms.append(alarm.decoded("TRIGGER").total_seconds())
        cats = ev.get("CATEGORIES")
        categories = [str(c) for c in cats.cats] if cats is not None else []
        events.append(
            {
                "uid": uid,
                "summary": str(ev.get("SUMMARY", "")),
                "start_utc": times["DTSTART"].strftime("%Y-%m-%dT%H:%M:%SZ"),
                "end_utc": times["DTEND"].strftime("%Y-%m-%dT%H:%M:%SZ"),
                "tzid": ev["DTSTART"].params.get("TZID"),
                "location": str(ev.get("LOCATION", "")),
                "description": str(ev.get("DESCRIPTION", "")),
                "categories": categories,
                "alarm_seconds": alarms,
                "sequence": int(ev.get("SEQUENCE", 0)),
            }
        )
    return {
        "version": str(cal.get("VERSION", "")),
        "timezones": sorted(zones),
        "events": events,
        "problems": problems,
    }


def vcard(data: bytes) -> dict:
    import vobject

    problems = wire_problems(data)
    cards = []
    for card in vobject.readComponents(data.decode("utf-8")):
        def values(name):
            return [c.value for c in card.contents.get(name, [])]

        for prop in ("version", "fn", "uid"):
            if prop not in card.contents:
                problems.append(f"a card has no {prop.upper()}")
        n = card.contents.get("n")
        org = values("org")
        cards.append(
            {
                "version": values("version")[0] if values("version") else "",
                "uid": values("uid")[0] if values("uid") else "",
                "fn": values("fn")[0] if values("fn") else "",
                "n": [n[0].value.family, n[0].value.given] if n else [],
                "org": org[0] if org else [],
                "title": values("title"),
                "email": values("email"),
                "tel": values("tel"),
                "url": values("url"),
                "note": values("note"),
                "rev": values("rev"),
            }
        )
    return {"cards": cards, "problems": problems}


def main() -> int:
    kind, path = sys.argv[1], sys.argv[2]
    with open(path, "rb") as f:
        data = f.read()
    try:
        out = calendar(data) if kind == "calendar" else vcard(data)
    except Exception as e:  # any parser refusal is the finding
        print(json.dumps({"error": f"{type(e).__name__}: {e}"}))
        return 2
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
