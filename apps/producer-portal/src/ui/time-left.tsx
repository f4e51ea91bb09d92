"use client";

import { formatDateTime } from "@lotbridge/format/format-date-time";
import { formatDuration } from "@lotbridge/format/format-duration";
import { useEffect, useState } from "react";

/** "3 days 4 h", "2 h 15 min", "45 min", "under a minute", and `ended` ("bidding has ended") once it passed. */
export function describeTimeLeft(deadline: Date, now: Date, ended = "bidding has ended"): string {
  if (deadline <= now) return ended;
  return formatDuration(deadline.getTime() - now.getTime());
}

/**
 * Time left (to bid, or to answer an offer), counting down while the page is open; the server renders the value at
 * its own time. Hovering shows the deadline itself in `timeZone` (the viewer's, from the page), zone named.
 */
export function TimeLeft({
  deadline,
  renderedAt,
  ended,
  timeZone = "UTC",
}: {
  deadline: string;
  renderedAt: string;
  ended?: string;
  timeZone?: string;
}) {
  const [now, setNow] = useState(() => new Date(renderedAt));
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const end = new Date(deadline);
  return (
    <time dateTime={deadline} title={formatDateTime(end, timeZone)}>
      {describeTimeLeft(end, now, ended)}
    </time>
  );
}
