package app.reps.platform

import android.content.Context
import org.json.JSONArray
import org.json.JSONObject
import java.io.File

/** An interview still ahead, for the widget. */
data class NextInterview(
    val id: String,
    val company: String,
    val role: String,
    val stage: String,
    val startsEpochMs: Long,
    val minutes: Int,
    val place: String,
    val deepLink: String,
)

/** A follow-up to announce when it falls due. */
data class Reminder(
    val followUpId: String,
    val title: String,
    val body: String,
    val dueEpochMs: Long,
    val deepLink: String,
)

/**
 * What the app last wrote for what runs outside it (crates/reps-core/src/journal/outside.rs in the
 * Rust app): the next interviews and the reminders ahead. The widget and the
 * reminder alarms read only this file. They never open the journal: the app
 * holds it, and a redb file is held by one process at a time.
 */
data class Outside(val interviews: List<NextInterview>, val reminders: List<Reminder>) {
    companion object {
        /** The file's name, in the app's data folder. */
        const val FILE = "outside.json"

        /** The only format this code reads (a newer Reps writes a newer one). */
        const val FORMAT = 1

        /** Nothing to show: no snapshot yet, or one this code cannot read. */
        val EMPTY = Outside(emptyList(), emptyList())

        /**
         * The app's data folder (src/platform/paths.rs): the journal, the capture
         * inbox (`inbox/`) and the snapshot. On Android it is the app's
         * private files folder, which the widget and the receivers share
         * because they run as the same app.
         */
        fun dataDir(context: Context): File = context.filesDir

        /** The snapshot, or [EMPTY]. Never throws: a widget must always draw. */
        fun read(context: Context): Outside =
            try {
                val file = File(dataDir(context), FILE)
                if (file.isFile) parse(file.readText()) else EMPTY
            } catch (e: Exception) {
                EMPTY
            }

        /** Parses the file's text; [EMPTY] for another format. */
        fun parse(text: String): Outside {
            val json = JSONObject(text)
            if (json.optInt("format", 0) != FORMAT) return EMPTY
            val interviews = objects(json.optJSONArray("interviews")).map {
                NextInterview(
                    id = it.getString("id"),
                    company = it.getString("company"),
                    role = it.getString("role"),
                    stage = it.getString("stage"),
                    startsEpochMs = it.getLong("startsEpochMs"),
                    minutes = it.getInt("minutes"),
                    place = it.optString("place", ""),
                    deepLink = it.getString("deepLink"),
                )
            }
            val reminders = objects(json.optJSONArray("reminders")).map {
                Reminder(
                    followUpId = it.getString("followUpId"),
                    title = it.getString("title"),
                    body = it.getString("body"),
                    dueEpochMs = it.getLong("dueEpochMs"),
                    deepLink = it.getString("deepLink"),
                )
            }
            return Outside(interviews, reminders)
        }

        private fun objects(array: JSONArray?): List<JSONObject> =
            if (array == null) emptyList() else (0 until array.length()).map { array.getJSONObject(it) }
    }
}

/** Brings the widgets and the reminder alarms in line with the snapshot. */
object RepsOutside {
    /** Once, when the app starts: the reminders' notification channel, and sync's background rounds. */
    fun prepare(context: Context) {
        Reminders.ensureChannel(context.applicationContext)
        SyncWorker.schedule(context)
    }

    /**
     * After the app wrote a new snapshot, after a restart or an update, and
     * whenever in doubt: it only reads the file. Answers what it read.
     */
    fun refresh(context: Context): Outside {
        val app = context.applicationContext
        val outside = Outside.read(app)
        Reminders.schedule(app, outside.reminders)
        NextInterviewWidget.updateAll(app, outside)
        return outside
    }
}

/**
 * The class `#[manganis::ffi("platforms/android")]` in src/platform/phone.rs names,
 * which is how `dx bundle` knows to build this module into the app. The Rust
 * app reaches the platform through MainActivity instead (see there).
 */
class RepsPlatform(private val activity: android.app.Activity) {
    /** The same as [RepsOutside.refresh]; answers "" (the bridge's convention). */
    fun refresh(): String {
        RepsOutside.refresh(activity)
        return ""
    }
}
