import "@lotbridge/ui/styles.css";
import { TimeZoneCookie } from "@lotbridge/ui/time-zone-cookie";
import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";

export const metadata: Metadata = { title: "Lotbridge · Producer Portal" };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request, never at build time: Next.js can put the request's CSP nonce only on scripts it renders then.
  await connection();
  return (
    <html lang="en">
      <body>
        <TimeZoneCookie />
        {children}
      </body>
    </html>
  );
}
