// Every table of the producer portal's database, for drizzle-kit and for the typed query builder.
export * from "@lotbridge/auth/operator-grant-table";
export * from "@lotbridge/auth/tables";
export * from "@lotbridge/notifications/tables";
export * from "@lotbridge/webhooks/tables";
export * from "../domain/bids/producer-bid-table";
export * from "../domain/contracts/producer-contract-table";
export * from "../domain/deliveries/producer-dispatch-table";
export * from "../domain/marketplace/market-lot-table";
export * from "../domain/saved-searches/saved-search-table";
export * from "../integration/integration-tables";
