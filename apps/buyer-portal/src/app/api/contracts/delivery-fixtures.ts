// The delivery fixtures live with the other test helpers, in src/test (a file here counts as production code, which
// must not import test clients); this keeps the tests that import them from here working. Import @/test/deliveries.
export * from "@/test/deliveries";
