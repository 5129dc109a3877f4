// The facilitator's countdown, the same for everyone (it counts to a shared end time).
import { useEffect, useState } from "react";
import { useWorkshop } from "./WorkshopContext";

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${m}:${String(s).padStart(2, "0")}`;
}

function spoken(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return [m ? `${m} minute${m === 1 ? "" : "s"}` : "", s ? `${s} second${s === 1 ? "" : "s"}` : ""].filter(Boolean).join(" ") || "no time";
}

export function TimerBar() {
  const { session, live } = useWorkshop();
  const endsAt = session.timer?.endsAt ? Date.parse(session.timer.endsAt) : null;
  // Each render reads the clock itself: a time kept in state from an earlier render (when the page opened,
  // or the last tick before the timer started) would show a wrong value until the next tick. The tick only
  // asks for a render, just after each second turns over.
  const [, setTick] = useState(0);
  useEffect(() => {
    if (endsAt === null) return;
    let next: ReturnType<typeof setTimeout>;
    const schedule = () => {
      if (Date.now() > endsAt + 1000) return; // "Time is up" is on screen: nothing more to count
      next = setTimeout(() => {
        setTick((t) => t + 1);
        schedule();
      }, ((endsAt - Date.now()) % 1000 + 1000) % 1000 + 20);
    };
    schedule();
    return () => clearTimeout(next);
  }, [endsAt]);
  // Not on the server and not before hydration: the server's clock is not the person's, so the timer is
  // shown only once this browser has worked out what is left.
  if (!live || endsAt === null) return null;
  const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
  return (
    <section className={`timer${left === 0 ? " timer--done" : ""}`} aria-labelledby="timer-heading">
      <h2 id="timer-heading" className="timer__heading">
        Timer
      </h2>
      <p className="timer__clock" aria-hidden="true">
        {left === 0 ? "Time is up" : clock(left)}
      </p>
      <p className="visually-hidden">{left === 0 ? "Time is up" : `${spoken(left)} left`}</p>
      {/* Only the end is announced: a ticking live region would drown everything else out. */}
      <p className="visually-hidden" role="status">
        {left === 0 ? "Time is up." : ""}
      </p>
    </section>
  );
}
