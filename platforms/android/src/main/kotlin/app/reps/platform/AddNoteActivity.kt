package app.reps.platform

import android.os.Bundle
import android.view.inputmethod.EditorInfo
import android.widget.Button
import android.widget.EditText
import android.widget.TextView
import android.widget.Toast
import androidx.appcompat.app.AppCompatActivity
import uniffi.reps_ffi.RepsInbox

/**
 * One line about an interview, from the widget, without opening the app: it
 * goes into the capture inbox through the core (`RepsInbox.add`, one file
 * written whole), never into the journal, which the app may be holding. The
 * app takes the inbox in the next time it starts or comes to the front.
 */
class AddNoteActivity : AppCompatActivity() {
    override fun onCreate(savedInstanceState: Bundle?) {
        super.onCreate(savedInstanceState)
        setContentView(R.layout.reps_add_note)
        val field = findViewById<EditText>(R.id.reps_note_text)
        val status = findViewById<TextView>(R.id.reps_note_status)
        val add = findViewById<Button>(R.id.reps_note_add)
        findViewById<Button>(R.id.reps_note_cancel).setOnClickListener { finish() }

        fun save() {
            val text = field.text.toString()
            if (text.isBlank()) {
                status.setText(R.string.reps_note_empty)
                return
            }
            add.isEnabled = false
            val dataDir = Outside.dataDir(this).absolutePath
            Thread {
                // RepsException carries the core's words (too long, …); anything
                // else (e.g. the library missing from a broken build) is shown too
                val problem = try {
                    RepsInbox.open(dataDir).use { it.add(text) }
                    null
                } catch (e: Throwable) {
                    e.message ?: e.toString()
                }
                runOnUiThread {
                    if (problem == null) {
                        Toast.makeText(this, R.string.reps_note_added, Toast.LENGTH_SHORT).show()
                        finish()
                    } else {
                        status.text = problem
                        add.isEnabled = true
                    }
                }
            }.start()
        }

        add.setOnClickListener { save() }
        field.setOnEditorActionListener { _, action, _ ->
            if (action == EditorInfo.IME_ACTION_DONE) {
                save()
                true
            } else {
                false
            }
        }
    }
}
