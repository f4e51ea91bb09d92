"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

const SETTLE_MS = 300;
// Time moves work too (a lot enters its last 48 hours, an offer lapses) without anyone being notified.
const CLOCK_MS = 60_000;

/**
 * Re-renders the server page each time a notification arrives on the member's live stream (the same Server-Sent
 * Events the bell listens to): every change that puts work on a buyer's plate — a bid, a producer's answer, a
 * signature, a failed delivery for operators — tells the member, so the page's counts follow without a reload.
 * A burst of notifications is one refresh; a quiet page is refreshed once a minute for what time changes.
 */
export function RefreshOnNotification() {
  const router = useRouter();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const clock = setInterval(() => router.refresh(), CLOCK_MS);
    const source = new EventSource("/api/notifications/stream");
    source.addEventListener("notification", () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      clearInterval(clock);
      source.close();
    };
  }, [router]);
  return null;
}
