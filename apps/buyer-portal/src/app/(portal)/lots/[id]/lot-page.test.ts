import { signIn } from "@lotbridge/http/testing/test-client";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import EditLotPage from "@/app/(portal)/lots/[id]/edit/page";
import LotPage from "@/app/(portal)/lots/[id]/page";
import NewLotPage from "@/app/(portal)/lots/new/page";
import { POST as auth } from "@/app/api/auth/[...all]/route";
import { buyerOrganization, draftLot, PASSWORD, PUBLIC_URL } from "@/test/lots";

// A lot's delivery terms as the buyer reads them on the lot's page and finds them in the edit form, rendered as the
// server does; the form's prefilling as the commodity changes runs in the browser.

let pageCookie = "";
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ cookie: pageCookie }),
  cookies: async () => ({ get: (name: string) => (name === "tz" ? { value: "Europe/Berlin" } : undefined) }),
}));

type Buyer = Awaited<ReturnType<typeof buyerOrganization>>;
let mill: Buyer;
let millCookie: string;
let neighbourCookie: string;

beforeAll(async () => {
  mill = await buyerOrganization("Lot Page Mill");
  const neighbour = await buyerOrganization("Lot Page Neighbour");
  millCookie = await signIn(auth, PUBLIC_URL, `admin@${mill.slug}.example`, PASSWORD);
  neighbourCookie = await signIn(auth, PUBLIC_URL, `admin@${neighbour.slug}.example`, PASSWORD);
});

const router = { back() {}, forward() {}, refresh() {}, push() {}, replace() {}, prefetch() {} };
const markup = (page: ReactElement) =>
  renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router as never }, page));

async function render(Page: typeof LotPage, lotId: string, cookie = millCookie) {
  pageCookie = cookie;
  return markup(await Page({ params: Promise.resolve({ id: lotId }) }));
}

/** What a person reads: the markup's text, tags dropped, entities decoded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("the lot's page", () => {
  it("shows a wheat lot's usual tolerance, the quantity it allows and the quality parameters as a table", async () => {
    const lot = await draftLot(mill, { commodity: "Milling wheat", volume: "500" });
    const page = text(await render(LotPage, lot.id));

    expect(page).toContain("Delivery tolerance ±5 % at seller's option; beyond tolerance refused");
    expect(page).toContain("Within tolerance (whole volume) 475 t – 525 t");
    expect(page).toContain("Quality parameters Parameter Minimum Maximum");
    for (const row of ["Moisture — 14.5 %", "Protein 12.5 % —", "Test weight 76 kg/hl —", "Falling number 250 s —"]) {
      expect(page).toContain(row);
    }
  });

  it("shows the lot's own terms, written as people write numbers", async () => {
    const lot = await draftLot(mill, {
      commodity: "Wheat",
      volume: "1200.5",
      tolerance: { percent: "2.5", option: "buyer", beyond: "flag" },
      qualityParameters: [{ name: "Deoxynivalenol", unit: "ppb", min: null, max: "1250" }],
    });
    const page = text(await render(LotPage, lot.id));

    expect(page).toContain("±2.5 % at buyer's option; beyond tolerance accepted and flagged");
    // 1200.5 × 2.5 % = 30.0125: 1,170.4875 rounds up, 1,230.5125 down
    expect(page).toContain("1,170.488 t – 1,230.512 t");
    expect(page).toContain("Deoxynivalenol — 1,250 ppb");
    expect(page).not.toContain("Moisture");
  });

  it("says there are no parameters for a commodity without usual terms", async () => {
    const lot = await draftLot(mill, { commodity: "Oats", volume: "80" });
    const page = text(await render(LotPage, lot.id));

    expect(page).toContain("±0 % at seller's option; beyond tolerance refused");
    expect(page).toContain("80 t – 80 t");
    expect(page).toContain("Quality parameters None: only the quality specifications above.");
  });

  it("shows another organization's lot to nobody", async () => {
    const lot = await draftLot(mill);
    await expect(render(LotPage, lot.id, neighbourCookie)).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/,
    );
    await expect(render(EditLotPage, lot.id, neighbourCookie)).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/,
    );
  });
});

describe("the lot form", () => {
  it("edits a lot with its own terms filled in, one row per parameter", async () => {
    const lot = await draftLot(mill, {
      tolerance: { percent: "7.5", option: "buyer", beyond: "flag" },
      qualityParameters: [
        { name: "Moisture", unit: "%", min: null, max: "13.8" },
        { name: "Hagberg", unit: "s", min: "220", max: "420" },
      ],
    });
    const html = await render(EditLotPage, lot.id);

    expect(html).toMatch(/<legend>Delivery tolerance<\/legend>/);
    expect(html).toMatch(/name="tolerance.percent"[^>]*value="7.5"/);
    expect(html).toMatch(/<option value="buyer" selected="">buyer&#x27;s option<\/option>/);
    expect(html).toMatch(/<option value="flag" selected="">accepted and flagged<\/option>/);
    expect(html).toMatch(/name="qualityParameters.0.name"[^>]*value="Moisture"/);
    expect(html).toMatch(/name="qualityParameters.0.min"[^>]*value=""/);
    expect(html).toMatch(/name="qualityParameters.0.max"[^>]*value="13.8"/);
    expect(html).toMatch(/name="qualityParameters.1.name"[^>]*value="Hagberg"/);
    expect(html).toMatch(/name="qualityParameters.1.unit"[^>]*>.*?<option value="s" selected="">s<\/option>/);
    expect(html).not.toContain("qualityParameters.2.name");
    expect(text(html)).not.toContain("Filled in with the usual terms");
  });

  it("starts a new lot at ±0 % without parameters, saying the commodity will fill them in", async () => {
    pageCookie = millCookie;
    const html = markup(NewLotPage());

    expect(html).toMatch(/name="tolerance.percent"[^>]*value="0"/);
    expect(html).not.toContain("qualityParameters.0.name");
    expect(text(html)).toContain("Filled in with the usual terms of the commodity you name");
    expect(text(html)).toContain("No quality parameters.");
    expect(text(html)).toContain("Add parameter");
  });
});
