import { LotForm } from "@/ui/lot-form";
import { lotFormOptions } from "@/ui/lot-form-options";
import "@/ui/lots.css";

export default function NewLotPage() {
  return (
    <section className="stack">
      <h1>New lot</h1>
      <p className="muted">A lot is saved as a private draft; producers see it only once you publish it.</p>
      <LotForm options={lotFormOptions} />
    </section>
  );
}
