/** Demo sign-ins created on the first start with demo data. Printed by `npm start` and listed in the README. */
export const DEMO_PASSWORD = "lotbridge-demo";

export const demoProducerOrganizations = [
  {
    name: "Greenacre Farms",
    slug: "greenacre-farms",
    users: [
      { name: "Piet de Vries", email: "piet@greenacre.example", role: "admin" as const },
      { name: "Lena Brandt", email: "lena@greenacre.example", role: "member" as const },
    ],
  },
  {
    name: "Sun Valley Cooperative",
    slug: "sun-valley-coop",
    users: [{ name: "Omar Haddad", email: "omar@sunvalley.example", role: "admin" as const }],
  },
  {
    name: "Danube Plains Agro",
    slug: "danube-plains",
    users: [{ name: "Mira Ionescu", email: "mira@danubeplains.example", role: "admin" as const }],
  },
];
