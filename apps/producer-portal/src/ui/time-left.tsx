"use client";

import { useEffect, useState } from "react";

/** "3 days 4 h", "2 h 15 min", "45 min", "under a minute", and `ended` ("bidding has ended") once it passed. */
export function describeTimeLeft(deadline: Date, now: Date, ended = "bidding has ended"): string {
  const minutes = Math.floor((deadline.getTime() - now.getTime()) / 60_000);
  if (deadline <= now) return ended;
  if (minutes < 1) return "under a minute";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} day${days === 1 ? "" : "s"}${hours ? ` ${hours} h` : ""}`;
  if (hours > 0) return `${hours} h${rest ? ` ${rest} min` : ""}`;
  return `${rest} min`;
}

/**
 * Time left (to bid, or to answer an offer), counting down while the page is open; the server renders the value at
 * its own time.
 */
export function TimeLeft({ deadline, renderedAt, ended }: { deadline: string; renderedAt: string; ended?: string }) {
  const [now, setNow] = useState(() => new Date(renderedAt));
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const end = new Date(deadline);
  return (
    <time dateTime={deadline} title={end.toUTCString()}>
      {describeTimeLeft(end, now, ended)}
    </time>
  );
}
