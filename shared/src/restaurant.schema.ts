import { z } from "zod";
import { paiseSchema } from "./money.ts";

export const restaurantSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  address: z.string(),
  phone: z.string(),
});
export type Restaurant = z.infer<typeof restaurantSchema>;

export const menuItemSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  pricePaise: paiseSchema,
  prepMinutes: z.int().min(0),
});
export type MenuItem = z.infer<typeof menuItemSchema>;

export const menuSchema = z.object({
  restaurant: restaurantSchema,
  categories: z.array(z.object({ name: z.string(), items: z.array(menuItemSchema) })),
});
export type Menu = z.infer<typeof menuSchema>;
