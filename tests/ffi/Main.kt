// The generated Kotlin bindings on the JVM (JNA), against the built library:
// open, capture, list, complete, upcoming, reminders, the inbox, and the
// errors as typed exceptions with the core's words. Run by tests/ffi/run.sh:
//   java -Djna.library.path=DIR -cp app.jar:jna.jar MainKt SEEDED_DIR NEWER_DIR SCRATCH_DIR
// Prints one line per check and exits non-zero if any failed.

import java.io.File
import uniffi.reps_ffi.RepsException
import uniffi.reps_ffi.RepsInbox
import uniffi.reps_ffi.RepsJournal

var passed = 0
var failed = 0

fun check(name: String, body: () -> Unit) {
    try {
        body()
        passed++
        println("ok   $name")
    } catch (e: Throwable) {
        failed++
        println("FAIL $name: $e")
    }
}

fun expect(condition: Boolean, what: () -> String) {
    if (!condition) throw AssertionError(what())
}

inline fun <reified E : RepsException> raises(body: () -> Unit): E {
    try {
        body()
    } catch (e: RepsException) {
        if (e is E) return e
        throw AssertionError("expected ${E::class.simpleName}, got $e")
    }
    throw AssertionError("expected ${E::class.simpleName}, nothing was thrown")
}

fun main(args: Array<String>) {
    val (seeded, newer, scratch) = args
    val journal = RepsJournal.open(seeded)

    check("today lists the checklist, the debrief to write and the thank-you") {
        val rows = journal.today()
        expect(rows.map { it.kind }.take(3) == listOf("checklist", "debrief", "follow_up")) { "$rows" }
        expect(rows[0].title == "Prepare" && rows[0].deepLink.startsWith("reps://prep/")) { "${rows[0]}" }
        expect(rows[2].title == "Send a thank-you" && rows[2].followUpId != null) { "${rows[2]}" }
    }

    check("quick capture answers the interview that just ended") {
        val id = journal.quickCapture("Ask about the on-call rota")
        expect(id.length == 36) { id }
        expect(journal.today().none { it.kind == "debrief" }) { "the write-it-down row is still there" }
    }

    check("a blank note is Invalid with the core's message") {
        val e = raises<RepsException.Invalid> { journal.quickCapture("  ") }
        expect(e.message == "notes: please fill this in") { "${e.message}" }
    }

    check("completing a follow-up takes it off Today") {
        val row = journal.today().first { it.kind == "follow_up" && it.detail.startsWith("Acme") }
        journal.completeFollowUp(row.followUpId!!)
        expect(journal.today().none { it.followUpId == row.followUpId }) { "still listed" }
    }

    check("a garbled follow-up id is NotFound") {
        val e = raises<RepsException.NotFound> { journal.completeFollowUp("nope") }
        expect(e.message == "no follow-up with id nope") { "${e.message}" }
    }

    check("upcoming interviews for a widget") {
        val up = journal.upcomingInterviews(5u)
        expect(up.size == 1) { "$up" }
        val g = up[0]
        expect(g.company == "Globex" && g.stage == "Final" && g.minutes == 45u && g.place == "12 Main St") { "$g" }
        expect(java.time.ZonedDateTime.parse(g.startsIso).toInstant().toEpochMilli() == g.startsEpochMs) { g.startsIso }
    }

    check("reminders to schedule, each once") {
        val now = System.currentTimeMillis()
        val due = journal.remindersBetween(now - 86_400_000, now + 86_400_000)
        expect(due.isNotEmpty() && due.all { it.title == "Send a thank-you" }) { "$due" }
        val again = journal.remindersBetween(due.last().dueEpochMs, now + 86_400_000)
        expect(again.isEmpty()) { "$again" }
    }

    check("a second open of a held journal is Busy") {
        val e = raises<RepsException.Busy> { RepsJournal.open(seeded) }
        expect(e.message!!.contains("open in another window or process")) { "${e.message}" }
    }

    check("the inbox takes notes while the journal is held, and they are taken in once") {
        val inbox = RepsInbox.open(seeded)
        inbox.add("from the widget")
        expect(inbox.pendingCount() == 1u) { "${inbox.pendingCount()}" }
        val taken = journal.takeInbox()
        expect(taken.added == 1u && taken.already == 0u && taken.damaged == 0u) { "$taken" }
        expect(inbox.pendingCount() == 0u) { "left over" }
        raises<RepsException.Invalid> { inbox.add("") }
    }

    check("a journal from a newer Reps is Newer") {
        val e = raises<RepsException.Newer> { RepsJournal.open(newer) }
        expect(e.message!!.contains("update the app")) { "${e.message}" }
    }

    check("a foreign file is Storage and left untouched") {
        val dir = File(scratch, "foreign").apply { mkdirs() }
        val junk = "PK\u0003\u0004 a zip file, not a journal".repeat(40).toByteArray()
        val file = File(dir, "journal.redb").apply { writeBytes(junk) }
        val e = raises<RepsException.Storage> { RepsJournal.open(dir.path) }
        expect(e.message!!.contains("not a Reps journal")) { "${e.message}" }
        expect(file.readBytes().contentEquals(junk)) { "the file changed" }
    }

    check("sync's status, and a background round before it is set up is Invalid") {
        RepsJournal.open(File(scratch, "sync").path).use {
            val status = it.syncStatus()
            expect(!status.setUp) { "set up already?" }
            expect(status.lastSynced == "Not synced yet") { status.lastSynced }
            expect(status.keyKept.contains("sync key")) { status.keyKept }
            val e = raises<RepsException.Invalid> { it.syncNow() }
            expect(e.message!!.contains("not set up")) { "${e.message}" }
        }
    }

    journal.close()
    check("closed, it can be opened again") {
        RepsJournal.open(seeded).use { expect(it.upcomingInterviews(1u).size == 1) { "reopened" } }
    }

    println("kotlin: $passed passed, $failed failed")
    if (failed > 0) System.exit(1)
}
