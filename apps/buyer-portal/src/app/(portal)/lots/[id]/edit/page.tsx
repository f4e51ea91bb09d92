import { currentMember } from "@lotbridge/auth/current-member";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { findOrganizationLot } from "@/domain/lots/find-lots";
import { portal } from "@/server/portal";
import { LotForm } from "@/ui/lot-form";
import { lotFormOptions } from "@/ui/lot-form-options";
import "@/ui/lots.css";

export default async function EditLotPage({ params }: { params: Promise<{ id: string }> }) {
  const { auth, db } = portal();
  const me = await currentMember(auth, db, await headers());
  const lot = me ? await findOrganizationLot(db, me.organizationId, (await params).id) : undefined;
  if (!lot) notFound();
  const editable = lot.status === "draft" || lot.status === "published";
  return (
    <section className="stack">
      <h1>
        Edit {lot.number} · {lot.title}
      </h1>
      {!editable ? (
        <p className="error">
          This lot is {lot.status}; only drafts and published lots can be edited. <a href={`/lots/${lot.id}`}>Back</a>
        </p>
      ) : (
        <>
          {lot.status === "published" && (
            <p className="muted">This lot is published: producers see your changes as soon as you save them.</p>
          )}
          <LotForm lot={lot} options={lotFormOptions} />
        </>
      )}
    </section>
  );
}
