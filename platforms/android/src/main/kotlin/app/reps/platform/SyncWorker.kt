package app.reps.platform

import android.content.Context
import androidx.work.ExistingPeriodicWorkPolicy
import androidx.work.PeriodicWorkRequestBuilder
import androidx.work.WorkManager
import androidx.work.Worker
import androidx.work.WorkerParameters
import io.crates.keyring.Keyring
import java.util.concurrent.TimeUnit
import uniffi.reps_ffi.RepsException
import uniffi.reps_ffi.RepsJournal

/**
 * Sync while Reps is closed: every half hour or so, Android runs one round (RepsJournal.syncNow, the same core round the app
 * runs on its sync thread). While the app is open it holds the journal and
 * syncs itself, so the worker finds the journal Busy and leaves it to the
 * app. A round that changed records has already rewritten the snapshot;
 * the widget and the reminder alarms are then brought in line with it.
 * There is no "network up" constraint: that needs ACCESS_NETWORK_STATE,
 * which Reps does not ask for (and a folder syncs without a network). A
 * round that cannot reach the storage just waits for the next one; the app
 * shows the problem when opened.
 */
class SyncWorker(context: Context, params: WorkerParameters) : Worker(context, params) {
    override fun doWork(): Result {
        val app = applicationContext
        // the sync key is in the Android Keystore-backed store, which needs the context
        Keyring.initializeNdkContext(app)
        val journal = try {
            RepsJournal.open(Outside.dataDir(app).path)
        } catch (e: RepsException.Busy) {
            return Result.success() // the app is open: its own sync thread runs the rounds
        } catch (e: RepsException) {
            return Result.failure() // newer or damaged: the app says so when opened
        }
        return journal.use {
            try {
                val outcome = it.syncNow()
                if (outcome.changed > 0u) RepsOutside.refresh(app)
                Result.success()
            } catch (e: RepsException.Invalid) {
                cancel(app) // sync is not set up (or was stopped) on this phone
                Result.success()
            } catch (e: RepsException.Other) {
                Result.success() // the storage could not be reached: the next round catches up
            } catch (e: RepsException) {
                Result.failure()
            }
        }
    }

    companion object {
        private const val NAME = "reps-sync"

        /** When the app starts: keeps one periodic round scheduled (an existing one is kept). */
        fun schedule(context: Context) {
            val request = PeriodicWorkRequestBuilder<SyncWorker>(30, TimeUnit.MINUTES).build()
            WorkManager.getInstance(context.applicationContext)
                .enqueueUniquePeriodicWork(NAME, ExistingPeriodicWorkPolicy.KEEP, request)
        }

        /** No sync on this phone: no rounds until the app schedules them again. */
        fun cancel(context: Context) {
            WorkManager.getInstance(context.applicationContext).cancelUniqueWork(NAME)
        }
    }
}
