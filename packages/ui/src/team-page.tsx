import { AddTeamMemberForm } from "./add-team-member-form";
import { TeamMemberActions } from "./team-member-actions";

/** One person as `GET /api/team` lists them (@lotbridge/auth/list-team). */
export interface TeamMember {
  userId: string;
  name: string;
  email: string;
  role: "admin" | "member";
  since: string;
}

/** The organization's people; its admins also add colleagues here. The same page in both portals. */
export function TeamPage({
  organizationName,
  team,
  canAdd,
  myUserId,
}: {
  organizationName: string;
  team: TeamMember[];
  /** The caller is an admin: adds and removes colleagues. */
  canAdd: boolean;
  myUserId: string;
}) {
  return (
    <section className="stack">
      <h1>Team of {organizationName}</h1>
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Sign-in email</th>
            <th>Role</th>
            <th>Since</th>
            {canAdd && (
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {team.map((person) => (
            <tr key={person.userId}>
              <td>{person.name}</td>
              <td>{person.email}</td>
              <td>{person.role}</td>
              <td>
                <time dateTime={person.since}>{person.since.slice(0, 10)}</time>
              </td>
              {canAdd && (
                <td>{person.userId !== myUserId && <TeamMemberActions userId={person.userId} name={person.name} />}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {canAdd ? <AddTeamMemberForm /> : <p className="muted">An admin of your organization adds colleagues.</p>}
    </section>
  );
}
