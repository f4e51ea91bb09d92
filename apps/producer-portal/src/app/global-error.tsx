"use client";

import "@lotbridge/ui/styles.css";
import ErrorPage from "./error";

/** For a failure in the root layout itself, which error.tsx cannot catch: the same page in a document of its own. */
export default function GlobalError(props: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body>
        <ErrorPage {...props} />
      </body>
    </html>
  );
}
