"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Re-renders the page's server parts whenever a notification arrives on the member's live stream (the same stream
 * the bell listens to): every change that adds or removes work — a lot found by a saved search, a counter-offer, a
 * contract to sign, a bid answered — comes with a notification, so the counts follow without a reload.
 */
export function LiveRefresh() {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource("/api/notifications/stream");
    let timer: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener("notification", () => {
      // A burst of notifications (one per member's search, say) is one refresh.
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 250);
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router]);
  return null;
}
