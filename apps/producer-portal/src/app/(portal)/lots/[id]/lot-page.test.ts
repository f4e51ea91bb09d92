import { createOrganizationWithUsers } from "@lotbridge/auth/create-account";
import type { Lot } from "@lotbridge/contract/lot";
import { signIn } from "@lotbridge/http/testing/test-client";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import LotPage from "@/app/(portal)/lots/[id]/page";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { applyLotSnapshot, type LotSnapshotEvent } from "@/domain/marketplace/apply-lot-snapshot";
import { portal } from "@/server/portal";
import { lotEvent, lotSnapshot } from "@/test/buyer-events";

// A marketplace lot's delivery terms as a producer reads them before bidding, rendered as the server does.

let pageCookie = "";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ cookie: pageCookie }),
  cookies: async () => ({ get: (name: string) => (name === "tz" ? { value: "Europe/Berlin" } : undefined) }),
}));

const ORIGIN = "http://localhost:3001";

beforeAll(async () => {
  await createOrganizationWithUsers(portal().db, { name: "Terms Farm", slug: "terms-farm" }, [
    { name: "Tess", email: "tess@terms-farm.example", password: "correct-horse-battery", role: "member" },
  ]);
  pageCookie = await signIn(auth, ORIGIN, "tess@terms-farm.example", "correct-horse-battery");
});

async function hold(event: LotSnapshotEvent) {
  await portal().db.transaction((tx) => applyLotSnapshot(tx, event));
}

async function render(lotId: string) {
  const page: ReactElement = await LotPage({ params: Promise.resolve({ id: lotId }) });
  const router = { back() {}, forward() {}, refresh() {}, push() {}, replace() {}, prefetch() {} };
  return renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router as never }, page))
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

describe("a marketplace lot's page", () => {
  it("shows the buyer's tolerance, the quantity it allows and the quality parameters, as people write numbers", async () => {
    const lot = lotSnapshot({
      volume: "1000.000",
      tolerance: { percent: "2.50", option: "buyer", beyond: "flag" },
      qualityParameters: [
        { name: "Moisture", unit: "%", min: null, max: "14.5" },
        { name: "Falling number", unit: "s", min: "250", max: "1000" },
      ],
    });
    await hold(lotEvent("lot.published", lot));
    const page = await render(lot.id);

    expect(page).toContain("Delivery tolerance ±2.5 % at buyer's option; beyond tolerance accepted and flagged");
    expect(page).toContain("Within tolerance (whole volume) 975 t – 1,025 t");
    expect(page).toContain("Quality parameters Parameter Minimum Maximum");
    expect(page).toContain("Moisture — 14.5 %");
    expect(page).toContain("Falling number 250 s 1,000 s");
  });

  it("shows the terms of the newest snapshot the buyer sent", async () => {
    const lot = lotSnapshot();
    await hold(lotEvent("lot.published", lot));
    const changed: Lot = {
      ...lot,
      version: lot.version + 1,
      tolerance: { percent: "10.00", option: "seller", beyond: "refuse" },
      qualityParameters: [{ name: "Protein", unit: "%", min: "13", max: null }],
    };
    await hold(lotEvent("lot.updated", changed));
    const page = await render(lot.id);

    expect(page).toContain("±10 % at seller's option; beyond tolerance refused");
    expect(page).toContain("Protein 13 % —");
    expect(page).not.toContain("Moisture");
  });

  it("reads a lot held from before lots had delivery terms as ±0 % and no parameters", async () => {
    const { tolerance: _, qualityParameters: __, ...older } = lotSnapshot({ volume: "500.000" });
    await hold(lotEvent("lot.published", older as Lot));
    const page = await render(older.id);

    expect(page).toContain("Delivery tolerance ±0 % at seller's option; beyond tolerance refused");
    expect(page).toContain("500 t – 500 t");
    expect(page).toContain("Quality parameters None: only the quality specifications above.");
  });
});
