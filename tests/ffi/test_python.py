"""The generated Python bindings drive the built library for real: open,
capture, list, complete, upcoming, reminders, the inbox, and every error
crossing as an exception with the core's words."""

import os
import tempfile
import time
import unittest

from common import Holder, helper, reps_ffi

RepsError = reps_ffi.RepsError
RepsJournal = reps_ffi.RepsJournal
RepsInbox = reps_ffi.RepsInbox


def read(path):
    with open(path, "rb") as f:
        return f.read()


class Seeded(unittest.TestCase):
    """Over a journal with an interview that ended 30 minutes ago (a debrief
    and a thank-you are due) and one in three hours."""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name
        helper("seed", self.dir)
        self.journal = RepsJournal.open(self.dir)

    def tearDown(self):
        del self.journal
        self.tmp.cleanup()

    def kinds(self):
        return [r.kind for r in self.journal.today()]

    def acme_follow_ups(self):
        return [r for r in self.journal.today() if r.kind == "follow_up" and r.detail.startswith("Acme")]

    def test_today_lists_what_is_due_with_links(self):
        rows = self.journal.today()
        # Globex's own thank-you may be due today too, depending on the hour
        self.assertEqual([r.kind for r in rows][:3], ["checklist", "debrief", "follow_up"], rows)
        self.assertEqual(rows[0].title, "Prepare")
        self.assertTrue(rows[0].detail.startswith("Globex — Developer · "), rows[0].detail)
        self.assertTrue(rows[0].deep_link.startswith("reps://prep/"))
        self.assertIsNone(rows[0].follow_up_id)
        self.assertEqual(rows[1].title, "Write it down")
        self.assertTrue(rows[1].detail.startswith("Acme — Engineer · ended "), rows[1].detail)
        self.assertTrue(rows[1].deep_link.startswith("reps://capture/"))
        (thanks,) = self.acme_follow_ups()
        self.assertEqual(thanks.title, "Send a thank-you")
        self.assertRegex(thanks.deep_link, r"^reps://message/thank-you/interview-[0-9a-f-]{36}$")
        self.assertEqual(len(thanks.follow_up_id), 36)

    def test_quick_capture_answers_the_interview_that_just_ended(self):
        debrief_id = self.journal.quick_capture("They use Kotlin everywhere")
        self.assertEqual(len(debrief_id), 36)
        self.assertNotIn("debrief", self.kinds(), "the write-it-down row is answered")

    def test_complete_follow_up_takes_it_off_today(self):
        (row,) = self.acme_follow_ups()
        self.assertIsNone(self.journal.complete_follow_up(row.follow_up_id))
        self.assertEqual(self.acme_follow_ups(), [])

    def test_upcoming_interviews_for_a_widget(self):
        (up,) = self.journal.upcoming_interviews(1)
        self.assertEqual((up.company, up.role, up.stage), ("Globex", "Developer", "Final"))
        self.assertEqual((up.minutes, up.place), (45, "12 Main St"))
        self.assertTrue(up.starts_iso.endswith("]"), up.starts_iso)
        in_ms = up.starts_epoch_ms - time.time() * 1000
        self.assertTrue(2.9 * 3600e3 < in_ms < 3.1 * 3600e3, in_ms)
        self.assertEqual(len(self.journal.upcoming_interviews(10)), 1)

    def test_reminders_between_gives_what_to_schedule(self):
        now = int(time.time() * 1000)
        due = self.journal.reminders_between(now - 86_400_000, now + 86_400_000)
        # Acme's thank-you, then Globex's (due after that interview)
        self.assertEqual([r.title for r in due], ["Send a thank-you"] * 2)
        self.assertTrue(due[0].body.startswith("Acme — Engineer · due "), due[0].body)
        self.assertTrue(due[1].body.startswith("Globex — Developer · due "), due[1].body)
        self.assertLess(due[0].due_epoch_ms, due[1].due_epoch_ms)
        self.assertRegex(due[0].deep_link, r"^reps://message/thank-you/interview-[0-9a-f-]{36}$")
        later = self.journal.reminders_between(due[0].due_epoch_ms, now + 86_400_000)
        self.assertEqual([r.follow_up_id for r in later], [due[1].follow_up_id])

    def test_a_blank_note_is_refused_with_the_cores_message(self):
        with self.assertRaises(RepsError.Invalid) as caught:
            self.journal.quick_capture("   ")
        self.assertIsInstance(caught.exception, RepsError)
        self.assertEqual(str(caught.exception), "notes: please fill this in")

    def test_a_garbled_follow_up_id_is_not_found(self):
        with self.assertRaises(RepsError.NotFound) as caught:
            self.journal.complete_follow_up("nope")
        self.assertEqual(str(caught.exception), "no follow-up with id nope")

    def test_out_of_range_reminder_window_is_invalid(self):
        with self.assertRaises(RepsError.Invalid):
            self.journal.reminders_between(0, 2**63 - 1)

    def test_notes_left_in_the_inbox_are_taken_in_once(self):
        inbox = RepsInbox.open(self.dir)
        inbox.add("first")
        inbox.add("second")
        self.assertEqual(inbox.pending_count(), 2)
        taken = self.journal.take_inbox()
        self.assertEqual((taken.added, taken.already, taken.damaged), (2, 0, 0))
        self.assertEqual(inbox.pending_count(), 0)
        self.assertEqual(self.journal.take_inbox().added, 0)
        with self.assertRaises(RepsError.Invalid) as caught:
            inbox.add("")
        self.assertEqual(str(caught.exception), "notes: please fill this in")


class Refusals(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def test_a_journal_held_by_another_process_is_busy(self):
        holder = Holder(self.dir)
        try:
            with self.assertRaises(RepsError.Busy) as caught:
                RepsJournal.open(self.dir)
            self.assertIn("open in another window or process", str(caught.exception))
            # the widget's door stays open meanwhile
            RepsInbox.open(self.dir).add("written while the app holds the journal")
        finally:
            lines = holder.finish()
        self.assertIn("taken 1 0 0 0 0", lines)
        RepsJournal.open(self.dir)  # free again once the holder is gone

    def test_a_journal_from_a_newer_reps_is_refused_untouched(self):
        helper("newer", self.dir)
        path = os.path.join(self.dir, "journal.redb")
        before = read(path)
        with self.assertRaises(RepsError.Newer) as caught:
            RepsJournal.open(self.dir)
        self.assertIn("newer version of Reps", str(caught.exception))
        self.assertIn("update the app", str(caught.exception))
        self.assertEqual(read(path), before)

    def test_a_foreign_file_is_refused_untouched(self):
        path = os.path.join(self.dir, "journal.redb")
        junk = b"PK\x03\x04 a zip file, not a journal" * 50
        with open(path, "wb") as f:
            f.write(junk)
        with self.assertRaises(RepsError.Storage) as caught:
            RepsJournal.open(self.dir)
        self.assertIn("not a Reps journal", str(caught.exception))
        self.assertEqual(read(path), junk)

    def test_a_fresh_folder_gets_an_empty_journal(self):
        journal = RepsJournal.open(os.path.join(self.dir, "new", "place"))
        self.assertEqual(journal.today(), [])
        self.assertEqual(journal.upcoming_interviews(5), [])

    def test_sync_status_and_a_round_without_setup(self):
        journal = RepsJournal.open(os.path.join(self.dir, "sync"))
        status = journal.sync_status()
        self.assertFalse(status.set_up)
        self.assertEqual(status.last_synced, "Not synced yet")
        self.assertEqual(status.devices, [])
        self.assertIn("sync key", status.key_kept)
        with self.assertRaises(RepsError.Invalid) as caught:
            journal.sync_now()
        self.assertIn("not set up", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
