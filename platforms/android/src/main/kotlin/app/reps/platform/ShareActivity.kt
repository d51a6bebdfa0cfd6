package app.reps.platform

import android.app.Activity
import android.content.Intent
import android.net.Uri
import android.os.Bundle
import android.widget.Toast
import uniffi.reps_ffi.RepsInbox

/**
 * Reps in the share sheet: a job board's app, a browser or a message shares
 * a posting (its text, its link, often both) and it goes straight into the
 * capture inbox through the core (`RepsInbox.addShare`, one file written
 * whole), never into the journal, which the app may be holding. Then Reps
 * opens on its deck, where the app has taken the posting in as a lead to
 * check. Reps never fetches the link.
 */
class ShareActivity : Activity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        val shared = sharedText(intent)
        if (shared == null) {
            Toast.makeText(this, R.string.reps_share_empty, Toast.LENGTH_LONG).show()
            finish()
            return
        }
        val dataDir = Outside.dataDir(this).absolutePath
        Thread {
            val problem = try {
                RepsInbox.open(dataDir).use { it.addShare(shared) }
                null
            } catch (e: Throwable) {
                e.message ?: e.toString()
            }
            runOnUiThread {
                if (problem == null) {
                    // the app takes the inbox in when it comes to the front, then shows the deck
                    startActivity(
                        Intent(Intent.ACTION_VIEW, Uri.parse("reps://leads"))
                            .setPackage(packageName)
                            .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK),
                    )
                } else {
                    Toast.makeText(this, problem, Toast.LENGTH_LONG).show()
                }
                finish()
            }
        }.start()
    }

    companion object {
        /** The subject (often the ad's title) and the text (often with the link), each once. */
        fun sharedText(intent: Intent?): String? {
            if (intent?.action != Intent.ACTION_SEND) return null
            val subject = intent.getStringExtra(Intent.EXTRA_SUBJECT)?.trim().orEmpty()
            val text = intent.getCharSequenceExtra(Intent.EXTRA_TEXT)?.toString()?.trim().orEmpty()
            val joined = when {
                subject.isEmpty() -> text
                text.isEmpty() || text.contains(subject) -> text.ifEmpty { subject }
                else -> "$subject\n$text"
            }
            return joined.ifBlank { null }
        }
    }
}
