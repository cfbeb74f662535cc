import { DEMO_PASSWORD, hashPassword } from "@orderly/shared/server";
import type { PrismaClient } from "../generated/client.ts";

export { DEMO_PASSWORD };

/** Each demo restaurant's couriers: their own logins, names and phones (the customer sees them). */
export const DEMO_COURIERS = [
  { login: "courier1", name: "Anil Kumar", phone: "+91 98470 10001" },
  { login: "courier2", name: "Fathima Rasheed", phone: "+91 98470 10002" },
  { login: "courier3", name: "Joseph Mathew", phone: "+91 98470 10003" },
] as const;

export const DEMO_LOGINS = ["kitchen", ...DEMO_COURIERS.map((c) => c.login), "admin"] as const;

export const DEMO_RESTAURANTS = [
  {
    slug: "fort-kochi",
    name: "Malabar Table — Fort Kochi",
    address: "14 Princess Street, Fort Kochi, Kochi 682001",
    phone: "+91 484 221 0001",
    location: { latitude: 9.9658, longitude: 76.2421 },
    kitchen: "Fort Kochi main kitchen",
    // An expo screen bumps each ticket READY.
    usesExpo: true,
  },
  {
    slug: "edappally",
    name: "Malabar Table — Edappally",
    address: "NH 66, near Lulu Mall, Edappally, Kochi 682024",
    phone: "+91 484 221 0002",
    location: { latitude: 10.0261, longitude: 76.3084 },
    kitchen: "Edappally main kitchen",
    // No expo: a ticket is READY when its stations have bumped every item.
    usesExpo: false,
  },
] as const;

/** Each kitchen's stations, in the order the expo screen shows them. */
export const DEMO_STATIONS = ["Fryer", "Curry", "Biryani", "Tawa", "Drinks & Desserts"] as const;
type DemoStation = (typeof DEMO_STATIONS)[number];

/** The menu's categories, in the order customers see them. */
const CATEGORIES = ["Starters", "Mains", "Breads", "Desserts", "Drinks"] as const;

/** Open around the clock on every weekday, so a newcomer can order at any hour: hours are data. */
export const DEMO_OPENING_HOURS = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opensMinute: 0, closesMinute: 24 * 60 }));

/** [category, name, description, price in paise, prep minutes, station], in each category's order. */
const MENU: [(typeof CATEGORIES)[number], string, string, number, number, DemoStation][] = [
  ["Starters", "Pazham Pori", "Ripe plantain fritters", 8000, 8, "Fryer"],
  ["Starters", "Chicken 65", "Spicy fried chicken, curry leaves", 22000, 15, "Fryer"],
  ["Starters", "Gobi Manchurian", "Cauliflower in a tangy glaze", 18000, 12, "Fryer"],
  ["Starters", "Banana Chips", "Kerala style, fried in coconut oil", 6000, 2, "Fryer"],
  ["Mains", "Kerala Fish Curry & Rice", "Kudampuli fish curry, matta rice", 32000, 20, "Curry"],
  ["Mains", "Beef Ularthiyathu", "Slow-roasted beef, coconut slivers", 28000, 18, "Curry"],
  ["Mains", "Chicken Stew & Appam", "Coconut milk stew, two appams", 26000, 15, "Curry"],
  ["Mains", "Vegetable Stew & Appam", "Coconut milk stew, two appams", 19000, 12, "Curry"],
  ["Mains", "Malabar Chicken Biryani", "Kaima rice, fried onion, raita", 30000, 20, "Biryani"],
  ["Mains", "Prawn Moilee", "Prawns in turmeric coconut gravy", 38000, 20, "Curry"],
  ["Mains", "Kappa & Meen Curry", "Tapioca with red fish curry", 24000, 15, "Curry"],
  ["Breads", "Kerala Parotta", "Layered flaky flatbread", 3000, 5, "Tawa"],
  ["Breads", "Appam (2)", "Lacy rice pancakes", 4000, 5, "Tawa"],
  ["Desserts", "Palada Payasam", "Rice flakes in sweet milk", 12000, 3, "Drinks & Desserts"],
  ["Desserts", "Ada Pradhaman", "Jaggery and coconut milk", 13000, 3, "Drinks & Desserts"],
  ["Drinks", "Sulaimani", "Spiced black tea with lime", 4000, 3, "Drinks & Desserts"],
  ["Drinks", "Fresh Lime Soda", "Sweet or salted", 7000, 3, "Drinks & Desserts"],
  ["Drinks", "Tender Coconut Water", "Served in the shell", 9000, 2, "Drinks & Desserts"],
];

export interface SeedResult {
  seeded: boolean;
  restaurants: { slug: string; name: string }[];
}

/**
 * Loads the demo chain when the database has no restaurant yet; does nothing otherwise.
 * Every restaurant gets staff logins `kitchen`, `courier1`-`courier3` and `admin` with `password`.
 */
export async function seedIfEmpty(prisma: PrismaClient, password: string): Promise<SeedResult> {
  const restaurants = DEMO_RESTAURANTS.map(({ slug, name }) => ({ slug, name }));
  if ((await prisma.restaurant.count()) > 0) return { seeded: false, restaurants };
  const hashes = await Promise.all(DEMO_LOGINS.map(() => hashPassword(password)));
  await prisma.$transaction(async (tx) => {
    for (const r of DEMO_RESTAURANTS) {
      const restaurant = await tx.restaurant.create({
        data: {
          slug: r.slug,
          name: r.name,
          address: r.address,
          phone: r.phone,
          latitude: r.location.latitude,
          longitude: r.location.longitude,
          usesExpo: r.usesExpo,
          timeZone: "Asia/Kolkata",
          openingHours: { create: DEMO_OPENING_HOURS },
        },
      });
      const categories = await tx.menuCategory.createManyAndReturn({
        data: CATEGORIES.map((name, sortOrder) => ({ restaurantId: restaurant.id, name, sortOrder })),
      });
      const kitchen = await tx.kitchen.create({ data: { restaurantId: restaurant.id, name: r.kitchen } });
      const stations = await tx.station.createManyAndReturn({
        data: DEMO_STATIONS.map((name, position) => ({ restaurantId: restaurant.id, kitchenId: kitchen.id, name, position })),
      });
      const stationId = (name: DemoStation) => stations.find((s) => s.name === name)!.id;
      await tx.menuItem.createMany({
        data: MENU.map(([category, name, description, pricePaise, prepMinutes, station], sortOrder) => ({
          restaurantId: restaurant.id,
          categoryId: categories.find((c) => c.name === category)!.id,
          sortOrder,
          name,
          description,
          pricePaise,
          prepMinutes,
          stationId: stationId(station),
        })),
      });
      const branch = r.name.split(" — ")[1];
      await tx.staff.createMany({
        data: DEMO_LOGINS.map((login, i) => {
          const courier = DEMO_COURIERS.find((c) => c.login === login);
          return {
            restaurantId: restaurant.id,
            kitchenId: login === "kitchen" ? kitchen.id : null,
            role: courier ? "DELIVERY" : login === "kitchen" ? "KITCHEN" : "ADMIN",
            login,
            displayName: courier?.name ?? `${branch} ${login}`,
            phone: courier?.phone ?? null,
            passwordHash: hashes[i]!,
          };
        }),
      });
    }
  });
  return { seeded: true, restaurants };
}
