import { resolve } from "node:path";
import { databaseBeforeMigration } from "@lotbridge/db/testing/database-before-migration";
import { describe, expect, it } from "vitest";

// Migration 0007 of both portals: notifications, email choices and development mail that existed before memberships
// were recorded on them go to the membership they were written for, and to nobody when that membership has ended.

const MIGRATION = "0007_membership-scope";

const at = (minutes: number) => new Date(Date.UTC(2027, 0, 1, 9, minutes)).toISOString();

describe.each(["buyer-portal", "producer-portal"])(`%s migration ${MIGRATION}`, (portal) => {
  it("gives old rows to the membership they were written for, and rows of an ended membership to nobody", async () => {
    const folder = resolve(`apps/${portal}/drizzle`);
    const database = await databaseBeforeMigration(folder, MIGRATION);
    const sql = (text: string, values: unknown[] = []) => database.client.query(text, values);
    try {
      await sql(`insert into organization (id, name, slug) values ('org_north', 'Northfield', 'north'),
        ('org_river', 'Riverside', 'river')`);
      // Ada: at Northfield since her account began. Anna: left Northfield, re-admitted at Riverside at 0:30.
      // Otto: left Northfield and was re-admitted there at 0:30.
      await sql(
        `insert into "user" (id, name, email, created_at) values
        ('usr_ada', 'Ada', 'ada@northfield.example', $1),
        ('usr_anna', 'Anna Berg', 'anna@northfield.example', $1),
        ('usr_otto', 'Otto', 'otto@northfield.example', $1)`,
        [at(0)],
      );
      await sql(
        `insert into member (id, organization_id, user_id, role, created_at) values
        ('mem_ada', 'org_north', 'usr_ada', 'admin', $1),
        ('mem_anna_river', 'org_river', 'usr_anna', 'member', $2),
        ('mem_otto_again', 'org_north', 'usr_otto', 'member', $2)`,
        [at(0), at(30)],
      );
      const notice = (id: string, userId: string, organizationId: string, minutes: number) =>
        sql(
          `insert into notification (id, recipient_user_id, organization_id, type, title, body, created_at)
           values ($1, $2, $3, 'bid.received', $1, '', $4)`,
          [id, userId, organizationId, at(minutes)],
        );
      await notice("ntf_ada", "usr_ada", "org_north", 10);
      await notice("ntf_anna_north", "usr_anna", "org_north", 10);
      await notice("ntf_anna_river", "usr_anna", "org_river", 40);
      await notice("ntf_otto_before", "usr_otto", "org_north", 10);
      await notice("ntf_otto_again", "usr_otto", "org_north", 40);
      await sql(`insert into notification_preference (user_id, type, email) values
        ('usr_ada', 'bid.received', false), ('usr_anna', 'bid.received', false), ('usr_gone', 'bid.received', true)`);
      const mail = (id: string, to: string, minutes: number) =>
        sql(`insert into dev_mailbox (id, "to", subject, text, html, created_at) values ($1, $2, '', '', '', $3)`, [
          id,
          to,
          at(minutes),
        ]);
      await mail("mail_ada", "Ada <ada@northfield.example>", 10);
      await mail("mail_anna_north", "Anna Keller <anna@northfield.example>", 10);
      await mail("mail_anna_river", "Anna Berg <Anna@Northfield.example>", 40);
      await mail("mail_wildcard", "____@northfield.example", 40);

      await database.upgrade();

      const notifications = await sql("select id, member_id from notification order by id");
      expect(notifications.rows).toEqual([
        { id: "ntf_ada", member_id: "mem_ada" },
        { id: "ntf_anna_north", member_id: null },
        { id: "ntf_anna_river", member_id: "mem_anna_river" },
        { id: "ntf_otto_again", member_id: "mem_otto_again" },
        { id: "ntf_otto_before", member_id: null },
      ]);
      // Only Ada never left the membership her account began with; the others start from the defaults.
      const preferences = await sql("select member_id, type, email from notification_preference");
      expect(preferences.rows).toEqual([{ member_id: "mem_ada", type: "bid.received", email: false }]);
      const mailbox = await sql("select id, address, member_id from dev_mailbox order by id");
      expect(mailbox.rows).toEqual([
        { id: "mail_ada", address: "ada@northfield.example", member_id: "mem_ada" },
        { id: "mail_anna_north", address: "anna@northfield.example", member_id: null },
        { id: "mail_anna_river", address: "anna@northfield.example", member_id: "mem_anna_river" },
        { id: "mail_wildcard", address: "____@northfield.example", member_id: null },
      ]);
    } finally {
      await database.close();
    }
  });
});
