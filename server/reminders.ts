// Runs the weekly digest in-process on a timer. Each instance checks on its own; the job table (not
// this timer) is what keeps a digest from going out twice.
import { runWeeklyReminders } from "~/services/weeklyReminders.server";
import type { Config } from "./config";
import { log } from "./log";

/** Starts checking every `checkEveryMs`; returns a stop function. Does nothing when reminders or email are off. */
export function startReminderTimer(config: Config, now: () => Date = () => config.reminders.fakeNow ?? new Date()): () => void {
  if (!config.reminders.enabled || !config.smtp) {
    log.info(config.reminders.enabled ? "Weekly reminders are off: email is not set up (SMTP_URL)." : "Weekly reminders are off (REMINDERS_ENABLED=false).");
    return () => undefined;
  }
  const { day, hour, checkEveryMs } = config.reminders;
  let busy = false;
  let reportedWeek: string | null = null;
  const check = async () => {
    if (busy) return;
    busy = true;
    try {
      const run = await runWeeklyReminders(now(), { day, hour }, config.publicUrl);
      // One line per week per instance, plus one for every run that sent or failed something.
      if (run && (run.week !== reportedWeek || run.sent > 0 || run.failed > 0)) {
        reportedWeek = run.week;
        log.info(`Weekly reminders for ${run.week}: sent ${run.sent}, already claimed ${run.alreadyClaimed}, nothing to say ${run.nothingToSay}, failed ${run.failed}`);
      }
    } catch (error) {
      log.error("weekly reminders failed; will try again at the next check", { error: (error as Error).message });
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void check(), checkEveryMs);
  void check();
  return () => clearInterval(timer);
}
