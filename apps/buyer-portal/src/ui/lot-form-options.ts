import { qualityUnits } from "@lotbridge/contract/delivery-terms";
import { currencies, incoterms, units } from "@lotbridge/contract/lot";
import type { LotFormOptions } from "./lot-form";

/** The lot form's choices, passed from the server so the browser does not load the schemas to list them. */
export const lotFormOptions: LotFormOptions = {
  units,
  currencies,
  incoterms,
  qualityUnits,
  commodities: ["Wheat", "Barley", "Maize", "Oats", "Rye", "Spelt", "Rapeseed", "Sunflower seed", "Soybeans", "Peas"],
};
