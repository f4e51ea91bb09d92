/** Demo sign-ins created on the first start with demo data. Printed by `npm start` and listed in the README. */
export const DEMO_PASSWORD = "lotbridge-demo";

export const demoBuyerOrganizations = [
  {
    name: "Northfield Mills",
    slug: "northfield-mills",
    users: [
      { name: "Anna Keller", email: "anna@northfield.example", role: "admin" as const },
      { name: "Ben Ortiz", email: "ben@northfield.example", role: "member" as const },
    ],
  },
  {
    name: "Riverside Grain Traders",
    slug: "riverside-grain",
    users: [{ name: "Carla Nowak", email: "carla@riverside.example", role: "admin" as const }],
  },
];
