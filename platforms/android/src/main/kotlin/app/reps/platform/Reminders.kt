package app.reps.platform

import android.Manifest
import android.app.AlarmManager
import android.app.Notification
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.content.BroadcastReceiver
import android.content.Context
import android.content.Intent
import android.content.pm.PackageManager
import android.net.Uri
import android.os.Build

/**
 * Follow-up reminders: one alarm per reminder in the snapshot, each showing
 * a notification at its due time whose tap opens the app on the screen that
 * deals with it (its `reps://` link). Alarms are inexact and need no
 * permission (`setAndAllowWhileIdle`: at the due time, or a few minutes
 * later when the phone dozes), which suits "send a thank-you".
 */
object Reminders {
    /** The notification channel (the user can mute it in the system settings). */
    const val CHANNEL = "follow-ups"

    /** The activity the Rust app runs in (dx's package name for it). */
    const val MAIN_ACTIVITY = "dev.dioxus.main.MainActivity"

    private const val PREFS = "reps_reminders"
    private const val SCHEDULED = "scheduled"
    private const val EXTRA_TITLE = "title"
    private const val EXTRA_BODY = "body"
    private const val EXTRA_LINK = "link"
    private const val EXTRA_DUE = "due"

    fun ensureChannel(context: Context) {
        val channel = NotificationChannel(
            CHANNEL,
            context.getString(R.string.reps_channel_name),
            NotificationManager.IMPORTANCE_DEFAULT,
        ).apply { description = context.getString(R.string.reps_channel_description) }
        context.getSystemService(NotificationManager::class.java).createNotificationChannel(channel)
    }

    /**
     * Replaces every alarm set from an earlier snapshot by one per reminder
     * still ahead: a follow-up done, pushed back or deleted in the app loses
     * its alarm, because the app wrote a new snapshot without it.
     */
    @Synchronized
    fun schedule(context: Context, reminders: List<Reminder>) {
        val alarms = context.getSystemService(AlarmManager::class.java)
        val prefs = context.getSharedPreferences(PREFS, Context.MODE_PRIVATE)
        val before = prefs.getStringSet(SCHEDULED, emptySet()).orEmpty()
        val now = System.currentTimeMillis()
        val ahead = reminders.filter { it.dueEpochMs > now }
        val ids = ahead.map { it.followUpId }.toSet()
        for (gone in before - ids) {
            existing(context, gone)?.let {
                alarms.cancel(it)
                it.cancel()
            }
        }
        for (r in ahead) {
            alarms.setAndAllowWhileIdle(AlarmManager.RTC_WAKEUP, r.dueEpochMs, alarm(context, r))
        }
        prefs.edit().putStringSet(SCHEDULED, ids).apply()
    }

    /** One alarm per follow-up: the intents differ by their data. */
    private fun target(context: Context, followUpId: String): Intent =
        Intent(context, ReminderReceiver::class.java).setData(Uri.parse("reps-reminder:$followUpId"))

    private fun alarm(context: Context, r: Reminder): PendingIntent {
        val intent = target(context, r.followUpId)
            .putExtra(EXTRA_TITLE, r.title)
            .putExtra(EXTRA_BODY, r.body)
            .putExtra(EXTRA_LINK, r.deepLink)
            .putExtra(EXTRA_DUE, r.dueEpochMs)
        return PendingIntent.getBroadcast(
            context, 0, intent, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
        )
    }

    private fun existing(context: Context, followUpId: String): PendingIntent? =
        PendingIntent.getBroadcast(
            context, 0, target(context, followUpId),
            PendingIntent.FLAG_NO_CREATE or PendingIntent.FLAG_IMMUTABLE,
        )

    /** Opens `link` in the app (a shortcut, the widget and notifications use it). */
    fun openLink(context: Context, link: String, requestCode: Int): PendingIntent {
        val intent = Intent(Intent.ACTION_VIEW, Uri.parse(link))
            .setClassName(context.packageName, MAIN_ACTIVITY)
            .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK)
        return PendingIntent.getActivity(
            context, requestCode, intent, PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
        )
    }

    /** Shows the notification an alarm carries. */
    internal fun show(context: Context, intent: Intent) {
        val id = intent.data?.schemeSpecificPart ?: return
        val title = intent.getStringExtra(EXTRA_TITLE) ?: return
        val body = intent.getStringExtra(EXTRA_BODY).orEmpty()
        val link = intent.getStringExtra(EXTRA_LINK) ?: "reps://today"
        if (Build.VERSION.SDK_INT >= 33 &&
            context.checkSelfPermission(Manifest.permission.POST_NOTIFICATIONS) != PackageManager.PERMISSION_GRANTED
        ) {
            return // the user said no: the follow-up is still on Today
        }
        ensureChannel(context)
        val notification = Notification.Builder(context, CHANNEL)
            .setSmallIcon(R.drawable.ic_stat_reps)
            .setContentTitle(title)
            .setContentText(body)
            .setStyle(Notification.BigTextStyle().bigText(body))
            .setCategory(Notification.CATEGORY_REMINDER)
            .setWhen(intent.getLongExtra(EXTRA_DUE, System.currentTimeMillis()))
            .setShowWhen(true)
            .setAutoCancel(true)
            .setContentIntent(openLink(context, link, id.hashCode()))
            .build()
        // tagged by follow-up: a second alarm for the same one replaces it
        context.getSystemService(NotificationManager::class.java).notify(id, 0, notification)
    }
}

/** An alarm went off: show its reminder. */
class ReminderReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        Reminders.show(context, intent)
    }
}

/** After a restart or an update of the app, the alarms are gone: set them again. */
class BootReceiver : BroadcastReceiver() {
    override fun onReceive(context: Context, intent: Intent) {
        when (intent.action) {
            Intent.ACTION_BOOT_COMPLETED, Intent.ACTION_MY_PACKAGE_REPLACED -> RepsOutside.refresh(context)
        }
    }
}
