// Every table of the buyer portal's database, for drizzle-kit and for the typed query builder.
export * from "@lotbridge/auth/operator-grant-table";
export * from "@lotbridge/auth/tables";
export * from "@lotbridge/notifications/tables";
export * from "@lotbridge/webhooks/tables";
export * from "../domain/bids/bid-table";
export * from "../domain/contracts/contract-table";
export * from "../domain/deliveries/delivery-tables";
export * from "../domain/lots/lot-table";
export * from "../integration/integration-tables";
