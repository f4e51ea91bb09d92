import { currentMember } from "@lotbridge/auth/current-member";
import { formatDate } from "@lotbridge/format/format-date";
import { readViewerTimeZone } from "@lotbridge/ui/read-viewer-time-zone";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { listSavedSearches } from "@/domain/saved-searches/list-saved-searches";
import { portal } from "@/server/portal";
import { describeFilters } from "@/ui/describe-filters";
import { marketplaceLink } from "@/ui/marketplace-link";
import { SavedSearchActions } from "./saved-search-actions";
import "@/ui/marketplace.css";

export const dynamic = "force-dynamic";

/** The member's own saved searches: what each keeps, where it leads, rename and delete. */
export default async function SavedSearchesPage() {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  if (!me) redirect("/sign-in");
  const [searches, timeZone] = await Promise.all([listSavedSearches(db, me.memberId), readViewerTimeZone()]);
  return (
    <section className="stack">
      <h1>Saved searches</h1>
      <p className="muted">
        When a lot matching one of these is published, or opens for bids again, you are told once, in the app and by
        email (choose on <a href="/notifications/settings">notification settings</a>). Only you see your saved searches.
      </p>
      {searches.length === 0 ? (
        <p className="muted">
          None yet. Set the filters in the <a href="/#marketplace">marketplace</a> and choose “Save this search”.
        </p>
      ) : (
        <table className="saved-searches">
          <thead>
            <tr>
              <th>Name</th>
              <th>Finds</th>
              <th>Saved</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {searches.map((search) => (
              <tr key={search.id}>
                <td>
                  <a href={marketplaceLink(search)}>{search.name}</a>
                </td>
                <td>{describeFilters(search)}</td>
                <td>{formatDate(search.createdAt, timeZone)}</td>
                <td>
                  <SavedSearchActions id={search.id} name={search.name} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
