/**
 * The demo story's deliveries (docs/demo-data.md): Danube Plains' durum contract delivered load by load, one load
 * discounted for low protein, and fulfilled with its settlement statement; Greenacre's barley contract under way, one
 * truck weighed and one still expected. Every step goes through the portals' public APIs, as the people would.
 */
import type { Contract } from "@lotbridge/contract/contract";
import { addDecimals } from "@lotbridge/contract/decimal";
import type { TicketInput } from "@lotbridge/contract/delivery";
import { type PortalSession, waitFor } from "./portal-client";

type Measured = [name: string, value: string, unit: TicketInput["measurements"][number]["unit"]];

interface Load {
  number: string;
  net: string;
  tare: string;
  measured: Measured[];
  discountPerUnit?: string;
}

const wheat = (moisture: string, protein: string, testWeight: string, fallingNumber: string): Measured[] => [
  ["Moisture", moisture, "%"],
  ["Protein", protein, "%"],
  ["Test weight", testWeight, "kg/hl"],
  ["Falling number", fallingNumber, "s"],
];

/** Eleven trucks of durum, about 26.6 t each: 292.8 t, within 300 t ± 5 %. The seventh is short of protein. */
const durumLoads: Load[] = [
  ["26.420", "13.1", "13.4"],
  ["27.180", "12.9", "13.2"],
  ["25.960", "13.6", "13.0"],
  ["26.740", "13.2", "12.8"],
  ["27.020", "12.8", "13.1"],
  ["26.380", "13.4", "12.9"],
  ["26.900", "13.0", "12.1"],
  ["26.150", "13.3", "13.3"],
  ["27.310", "12.7", "13.0"],
  ["26.060", "13.1", "12.7"],
  ["26.680", "13.5", "13.2"],
].map(([net, moisture, protein], index) => ({
  number: `NM-${String(4101 + index)}`,
  net,
  tare: index % 2 === 0 ? "14.280" : "14.120",
  measured: wheat(moisture, protein, "79.5", "310"),
  ...(protein === "12.1" ? { discountPerUnit: "4.00" } : {}),
}));

function ticket(load: Load, receivedAt: Date, dispatchId: string | null): TicketInput {
  const discounted = load.discountPerUnit !== undefined;
  return {
    ticketNumber: load.number,
    receivedAt: receivedAt.toISOString(),
    dispatchId,
    grossWeight: addDecimals(load.net, load.tare),
    tareWeight: load.tare,
    measurements: load.measured.map(([name, value, unit]) => ({ name, value, unit })),
    decision: discounted ? "accept_with_discount" : "accept",
    discountKind: discounted ? "per_unit" : null,
    discountAmount: load.discountPerUnit ?? null,
    rejectionReason: "",
    note: discounted ? "Protein below 12.5 %: EUR 4.00 per tonne off, as agreed on the phone." : "",
  };
}

export interface DeliveryCast {
  anna: PortalSession;
  mira: PortalSession;
  lena: PortalSession;
  durumContractId: string;
  barleyContractId: string;
  limit: number;
  say: (line: string) => void;
}

export async function playDemoDeliveries({
  anna,
  mira,
  lena,
  durumContractId,
  barleyContractId,
  limit,
  say,
}: DeliveryCast): Promise<void> {
  const onBuyer = (id: string, what: string, done: (c: Contract) => boolean) =>
    waitFor(
      what,
      async () => {
        const contract = await anna.get<Contract>(`/api/contracts/${id}`);
        return done(contract) ? contract : undefined;
      },
      limit,
    );
  const onProducer = (who: PortalSession, id: string, what: string, done: (c: Contract) => boolean) =>
    waitFor(
      what,
      async () => {
        const { snapshot } = await who.get<{ snapshot: Contract }>(`/api/contracts/${id}`);
        return done(snapshot) ? snapshot : undefined;
      },
      limit,
    );
  const announce = async (
    who: PortalSession,
    id: string,
    vehicleReference: string,
    plannedDate: Date,
    weight: string,
  ) => {
    const before = (await anna.get<Contract>(`/api/contracts/${id}`)).delivery.dispatches.length;
    await who.post(`/api/contracts/${id}/dispatches`, {
      plannedDate: plannedDate.toISOString().slice(0, 10),
      vehicleReference,
      estimatedWeight: weight,
      note: "",
    });
    const seen = await onBuyer(
      id,
      `${who.label}'s load ${vehicleReference} did not reach the buyer portal`,
      (c) => c.delivery.dispatches.length > before,
    );
    return seen.delivery.dispatches[seen.delivery.dispatches.length - 1].id;
  };

  // Durum: two trucks announced by Mira, then eleven weighed, then fulfilled.
  const now = Date.now();
  const firstTruck = await announce(mira, durumContractId, "DP-214-KL", new Date(now), "26.500");
  const secondTruck = await announce(mira, durumContractId, "DP-388-KL", new Date(now), "27.000");
  for (const [index, load] of durumLoads.entries()) {
    const dispatchId = index === 0 ? firstTruck : index === 1 ? secondTruck : null;
    await anna.post(`/api/contracts/${durumContractId}/tickets`, ticket(load, new Date(), dispatchId));
  }
  await anna.post(`/api/contracts/${durumContractId}/fulfil`, {
    note: "Eleven loads delivered; one discounted for protein. Payment on 30 days.",
  });
  await onProducer(
    mira,
    durumContractId,
    "the fulfilled durum contract did not reach the producer portal",
    (c) => c.status === "fulfilled" && c.delivery.settlement !== null,
  );
  say("Demo: the durum contract delivered in eleven loads and fulfilled, its settlement statement issued");

  // Barley: Lena announces two trucks for today; the first is weighed, the second is still on its way.
  const barleyTruck = await announce(lena, barleyContractId, "GA-71-BX", new Date(now), "28.000");
  await announce(lena, barleyContractId, "GA-72-BX", new Date(now), "28.000");
  await anna.post(
    `/api/contracts/${barleyContractId}/tickets`,
    ticket(
      {
        number: "NM-5120",
        net: "28.460",
        tare: "14.300",
        measured: [
          ["Moisture", "13.6", "%"],
          ["Test weight", "64.2", "kg/hl"],
          ["Admixture", "1.2", "%"],
        ],
      },
      new Date(),
      barleyTruck,
    ),
  );
  await onProducer(
    lena,
    barleyContractId,
    "the barley ticket did not reach the producer portal",
    (c) => c.delivery.tickets.length === 1,
  );
  say("Demo: the barley contract in delivery, one truck weighed and one expected");
}
