import { DEMO_PASSWORD, hashPassword } from "@orderly/shared/server";

export { DEMO_PASSWORD };
import type { PrismaClient } from "../generated/client.ts";

export const DEMO_LOGINS = ["kitchen", "delivery", "admin"] as const;

export const DEMO_RESTAURANTS = [
  {
    slug: "fort-kochi",
    name: "Malabar Table — Fort Kochi",
    address: "14 Princess Street, Fort Kochi, Kochi 682001",
    phone: "+91 484 221 0001",
    kitchen: "Fort Kochi main kitchen",
  },
  {
    slug: "edappally",
    name: "Malabar Table — Edappally",
    address: "NH 66, near Lulu Mall, Edappally, Kochi 682024",
    phone: "+91 484 221 0002",
    kitchen: "Edappally main kitchen",
  },
] as const;

/** [category, name, description, price in paise, prep minutes] */
const MENU: [string, string, string, number, number][] = [
  ["Starters", "Pazham Pori", "Ripe plantain fritters", 8000, 8],
  ["Starters", "Chicken 65", "Spicy fried chicken, curry leaves", 22000, 15],
  ["Starters", "Gobi Manchurian", "Cauliflower in a tangy glaze", 18000, 12],
  ["Starters", "Banana Chips", "Kerala style, fried in coconut oil", 6000, 2],
  ["Mains", "Kerala Fish Curry & Rice", "Kudampuli fish curry, matta rice", 32000, 20],
  ["Mains", "Beef Ularthiyathu", "Slow-roasted beef, coconut slivers", 28000, 18],
  ["Mains", "Chicken Stew & Appam", "Coconut milk stew, two appams", 26000, 15],
  ["Mains", "Vegetable Stew & Appam", "Coconut milk stew, two appams", 19000, 12],
  ["Mains", "Malabar Chicken Biryani", "Kaima rice, fried onion, raita", 30000, 20],
  ["Mains", "Prawn Moilee", "Prawns in turmeric coconut gravy", 38000, 20],
  ["Mains", "Kappa & Meen Curry", "Tapioca with red fish curry", 24000, 15],
  ["Breads", "Kerala Parotta", "Layered flaky flatbread", 3000, 5],
  ["Breads", "Appam (2)", "Lacy rice pancakes", 4000, 5],
  ["Desserts", "Palada Payasam", "Rice flakes in sweet milk", 12000, 3],
  ["Desserts", "Ada Pradhaman", "Jaggery and coconut milk", 13000, 3],
  ["Drinks", "Sulaimani", "Spiced black tea with lime", 4000, 3],
  ["Drinks", "Fresh Lime Soda", "Sweet or salted", 7000, 3],
  ["Drinks", "Tender Coconut Water", "Served in the shell", 9000, 2],
];

export interface SeedResult {
  seeded: boolean;
  restaurants: { slug: string; name: string }[];
}

/**
 * Loads the demo chain when the database has no restaurant yet; does nothing otherwise.
 * Every restaurant gets staff logins `kitchen`, `delivery` and `admin` with `password`.
 */
export async function seedIfEmpty(prisma: PrismaClient, password: string): Promise<SeedResult> {
  const restaurants = DEMO_RESTAURANTS.map(({ slug, name }) => ({ slug, name }));
  if ((await prisma.restaurant.count()) > 0) return { seeded: false, restaurants };
  const hashes = await Promise.all(DEMO_LOGINS.map(() => hashPassword(password)));
  await prisma.$transaction(async (tx) => {
    for (const r of DEMO_RESTAURANTS) {
      const restaurant = await tx.restaurant.create({
        data: { slug: r.slug, name: r.name, address: r.address, phone: r.phone },
      });
      const kitchen = await tx.kitchen.create({ data: { restaurantId: restaurant.id, name: r.kitchen } });
      await tx.menuItem.createMany({
        data: MENU.map(([category, name, description, pricePaise, prepMinutes]) => ({
          restaurantId: restaurant.id,
          category,
          name,
          description,
          pricePaise,
          prepMinutes,
        })),
      });
      await tx.staff.createMany({
        data: DEMO_LOGINS.map((login, i) => ({
          restaurantId: restaurant.id,
          kitchenId: login === "kitchen" ? kitchen.id : null,
          role: login === "kitchen" ? "KITCHEN" : login === "delivery" ? "DELIVERY" : "ADMIN",
          login,
          displayName: `${r.name.split(" — ")[1]} ${login}`,
          passwordHash: hashes[i]!,
        })),
      });
    }
  });
  return { seeded: true, restaurants };
}
