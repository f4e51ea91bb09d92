import { ChangePasswordForm } from "./change-password-form";
import { Facts } from "./facts";

/** Who is signed in, and where they change their password. The same page in both portals. */
export function AccountPage(props: { name: string; email: string; organizationName: string; role: string }) {
  return (
    <section className="stack">
      <h1>Your account</h1>
      <Facts
        card
        items={[
          ["Name", props.name],
          ["Sign-in email", props.email],
          ["Organization", props.organizationName],
          ["Role", props.role],
        ]}
      />
      <ChangePasswordForm />
    </section>
  );
}
