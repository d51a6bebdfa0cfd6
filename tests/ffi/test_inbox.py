"""Two processes, exactly once: while one process holds the journal (the
Rust helper, standing in for the app) and takes the capture inbox in every
20 ms, widget processes (python3 through the generated bindings) leave notes
through RepsInbox. The holder is killed with SIGKILL at random moments and
started again. At the end the journal holds each note exactly once."""

import json
import os
import random
import subprocess
import sys
import tempfile
import time
import unittest

from common import Holder, helper, reps_ffi

WIDGETS = 3
NOTES_EACH = 150
KILLS = 3

# One widget process: NOTES_EACH notes, a little apart, as fast taps would be.
WIDGET = """
import sys, time, random
sys.path.insert(0, sys.argv[1])
import reps_ffi
inbox = reps_ffi.RepsInbox.open(sys.argv[2])
for n in range(int(sys.argv[4])):
    inbox.add(f"widget {sys.argv[3]} note {n} · é ✓")
    time.sleep(random.uniform(0, 0.004))
"""


class TwoProcesses(unittest.TestCase):
    def test_every_note_lands_exactly_once_through_kills(self):
        with tempfile.TemporaryDirectory() as data_dir:
            helper("seed", data_dir)
            holder = Holder(data_dir)
            # the holder really holds it: the journal's own door is shut
            with self.assertRaises(reps_ffi.RepsError.Busy):
                reps_ffi.RepsJournal.open(data_dir)
            widgets = [
                subprocess.Popen(
                    [sys.executable, "-c", WIDGET, os.environ["REPS_FFI_PY"], data_dir, str(w), str(NOTES_EACH)]
                )
                for w in range(WIDGETS)
            ]
            kills = 0
            while kills < KILLS and any(w.poll() is None for w in widgets):
                time.sleep(random.uniform(0.05, 0.25))
                holder.kill()
                kills += 1
                # notes keep arriving while the app is gone
                time.sleep(random.uniform(0, 0.1))
                holder = Holder(data_dir)
            for w in widgets:
                self.assertEqual(w.wait(timeout=60), 0, "a widget failed")
            lines = holder.finish()
            self.assertEqual(lines[-1], "done")
            self.assertEqual(reps_ffi.RepsInbox.open(data_dir).pending_count(), 0)
            notes = json.loads(helper("notes", data_dir))
            expected = [f"widget {w} note {n} · é ✓" for w in range(WIDGETS) for n in range(NOTES_EACH)]
            self.assertEqual(len(notes), len(expected), "no note lost, none doubled")
            self.assertEqual(sorted(notes), sorted(expected))
            self.assertGreaterEqual(kills, 1, "the holder was killed mid-way at least once")
            # each widget's notes come out in the order it wrote them
            for w in range(WIDGETS):
                mine = [n for n in notes if n.startswith(f"widget {w} ")]
                self.assertEqual(mine, [f"widget {w} note {n} · é ✓" for n in range(NOTES_EACH)])
            damaged = os.path.join(data_dir, "inbox", "damaged")
            self.assertFalse(os.path.exists(damaged), "nothing was half-written")


# A share sheet's process: one posting, as Android's ACTION_SEND or the iOS
# share extension hands it over (text with a link), written through RepsInbox.
SHARE = """
import sys
sys.path.insert(0, sys.argv[1])
import reps_ffi
inbox = reps_ffi.RepsInbox.open(sys.argv[2])
print(inbox.add_share(sys.argv[3]))
"""

POSTING = (
    "Check out this job at Initech: Senior Platform Engineer "
    "https://www.linkedin.com/jobs/view/4000000001/?trk=share \u00b7 Remote, \u20ac90k\u2013\u20ac110k"
)


class SharedWhileHeld(unittest.TestCase):
    def test_a_shared_posting_reaches_the_deck_once_while_the_app_holds_the_journal(self):
        with tempfile.TemporaryDirectory() as data_dir:
            helper("seed", data_dir)
            holder = Holder(data_dir)
            with self.assertRaises(reps_ffi.RepsError.Busy):
                reps_ffi.RepsJournal.open(data_dir)
            def share():
                out = subprocess.run(
                    [sys.executable, "-c", SHARE, os.environ["REPS_FFI_PY"], data_dir, POSTING],
                    check=True, capture_output=True, text=True,
                )
                self.assertEqual(len(out.stdout.strip()), 36, out.stdout)
            share()
            # shared twice by a double tap: the deck still gets it once
            share()
            # an empty share is refused at the door
            with self.assertRaises(reps_ffi.RepsError.Invalid):
                reps_ffi.RepsInbox.open(data_dir).add_share("   ")
            lines = holder.finish()
            self.assertEqual(lines[-1], "done")
            shared = sum(int(l.split()[4]) for l in lines if l.startswith("taken "))
            already = sum(int(l.split()[5]) for l in lines if l.startswith("taken "))
            self.assertEqual((shared, already), (1, 1), lines)
            leads = json.loads(helper("leads", data_dir))
            initech = [l for l in leads if l[0] == "Initech"]
            self.assertEqual(len(initech), 1, leads)
            company, role, ad, unchecked = initech[0]
            self.assertEqual(role, "Senior Platform Engineer")
            self.assertEqual(ad, POSTING)
            self.assertTrue(unchecked, "the deck asks to check it")
            self.assertEqual(reps_ffi.RepsInbox.open(data_dir).pending_count(), 0)


if __name__ == "__main__":
    unittest.main()
