package app.reps.platform

import android.appwidget.AppWidgetManager
import android.appwidget.AppWidgetProvider
import android.content.ComponentName
import android.content.Context
import android.content.Intent
import android.app.PendingIntent
import android.text.format.DateUtils
import android.widget.RemoteViews

/**
 * The home-screen widget: the next interview (company, role, stage, when,
 * where; a tap opens its checklist), a "Note" button that adds one line to
 * the capture inbox without opening the app ([AddNoteActivity]), and
 * "Capture", which opens quick capture. It draws from the snapshot only.
 */
class NextInterviewWidget : AppWidgetProvider() {
    override fun onUpdate(context: Context, manager: AppWidgetManager, ids: IntArray) {
        draw(context, manager, ids, Outside.read(context))
    }

    companion object {
        /** Redraws every placed widget (after the app wrote a new snapshot). */
        fun updateAll(context: Context, outside: Outside) {
            val manager = AppWidgetManager.getInstance(context)
            val ids = manager.getAppWidgetIds(ComponentName(context, NextInterviewWidget::class.java))
            if (ids.isNotEmpty()) draw(context, manager, ids, outside)
        }

        private fun draw(context: Context, manager: AppWidgetManager, ids: IntArray, outside: Outside) {
            val now = System.currentTimeMillis()
            val next = outside.interviews.firstOrNull { it.startsEpochMs + it.minutes * 60_000L > now }
            val views = RemoteViews(context.packageName, R.layout.reps_widget)
            if (next != null) {
                views.setTextViewText(R.id.reps_widget_title, "${next.company} — ${next.role}")
                val starts = DateUtils.formatDateTime(
                    context,
                    next.startsEpochMs,
                    DateUtils.FORMAT_SHOW_WEEKDAY or DateUtils.FORMAT_ABBREV_WEEKDAY or
                        DateUtils.FORMAT_SHOW_DATE or DateUtils.FORMAT_ABBREV_MONTH or DateUtils.FORMAT_SHOW_TIME,
                )
                val place = if (next.place.isBlank()) "" else " · ${next.place}"
                views.setTextViewText(R.id.reps_widget_detail, "${next.stage} · $starts$place")
                views.setOnClickPendingIntent(R.id.reps_widget_body, Reminders.openLink(context, next.deepLink, 1))
            } else {
                views.setTextViewText(R.id.reps_widget_title, context.getString(R.string.reps_widget_nothing))
                views.setTextViewText(R.id.reps_widget_detail, context.getString(R.string.reps_widget_nothing_hint))
                views.setOnClickPendingIntent(R.id.reps_widget_body, Reminders.openLink(context, "reps://today", 1))
            }
            val note = PendingIntent.getActivity(
                context, 2, Intent(context, AddNoteActivity::class.java),
                PendingIntent.FLAG_UPDATE_CURRENT or PendingIntent.FLAG_IMMUTABLE,
            )
            views.setOnClickPendingIntent(R.id.reps_widget_note, note)
            views.setOnClickPendingIntent(R.id.reps_widget_capture, Reminders.openLink(context, "reps://capture", 3))
            manager.updateAppWidget(ids, views)
        }
    }
}
