import { findContract } from "@/domain/contracts/find-contract";
import { portal } from "@/server/portal";
import { route } from "@/server/route";
import { contractViewer } from "../contract-request";

export const GET = route<{ id: string }>(async (request, { params }) => {
  const reader = await contractViewer(request);
  return Response.json(await findContract(portal().db, reader, (await params).id));
});
