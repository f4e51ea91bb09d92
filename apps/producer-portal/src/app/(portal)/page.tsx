export default function MarketplacePage() {
  return (
    <section className="stack">
      <h1>Marketplace</h1>
      <p className="muted">Published lots from buyers appear here.</p>
    </section>
  );
}
