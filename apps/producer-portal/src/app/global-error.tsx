"use client";

import "@lotbridge/ui/styles.css";
import { UnavailablePage } from "@lotbridge/ui/unavailable-page";

/** For a failure in the root layout itself, which error.tsx cannot catch: the same page in a document of its own. */
export default function GlobalError(props: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <UnavailablePage {...props} />
      </body>
    </html>
  );
}
