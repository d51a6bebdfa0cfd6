"""Due dates from the reference FSRS scheduler, for Reps' schedule check.

Reads JSON on stdin: a list of cards, each a list of reviews
[[ISO 8601 UTC time, grade 1-4], ...] in the order they were given.
Writes JSON on stdout: for each card, the due time after each review
(ISO 8601 UTC), using the scheduler set up as Reps uses FSRS: default
FSRS-6 parameters, 90% retention, no learning steps, one relearning step
of a day, no fuzz, at most 60 days between two practices.
"""

import json
import sys
from datetime import datetime, timedelta, timezone

from fsrs import Card, Rating, Scheduler


def main() -> None:
    cards = json.load(sys.stdin)
    scheduler = Scheduler(
        desired_retention=0.9,
        learning_steps=(),
        relearning_steps=(timedelta(days=1),),
        enable_fuzzing=False,
        maximum_interval=60,
    )
    out = []
    for reviews in cards:
        card = Card()
        dues = []
        for when, grade in reviews:
            at = datetime.fromisoformat(when.replace("Z", "+00:00")).astimezone(timezone.utc)
            card, _ = scheduler.review_card(card, Rating(grade), review_datetime=at)
            dues.append(card.due.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
        out.append(dues)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
