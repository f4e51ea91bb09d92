import { SignInForm } from "@lotbridge/ui/sign-in-form";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <main className="narrow stack">
      <h1>Producer Portal</h1>
      <p className="muted">Sign in to browse lots, bid and sign contracts.</p>
      <SignInForm next={next} />
    </main>
  );
}
