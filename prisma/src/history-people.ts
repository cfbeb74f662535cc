import type { Allergen } from "../generated/client.ts";
import { chance, intBetween, pick, type Random } from "./random.ts";

// Made-up customers of the demo history: Kerala names, Kochi addresses, what people write on a line.

const FIRST_NAMES = [
  "Arjun", "Meera", "Rahul", "Aisha", "Thomas", "Lakshmi", "Nikhil", "Sneha", "Faisal", "Anjali", "Vishnu", "Riya",
  "Joseph", "Fathima", "Gokul", "Divya", "Shameer", "Anna", "Sreejith", "Nimisha", "Kiran", "Hiba", "Abin", "Parvathy",
];
const LAST_NAMES = ["Nair", "Menon", "Varghese", "Basheer", "Kurian", "Pillai", "Das", "Joseph", "Rahman", "Krishnan", "Thomas", "Mathew", "Panicker", "Abraham"];

/** Streets and neighbourhoods each demo restaurant delivers to. */
const AREAS: Record<string, readonly string[]> = {
  "fort-kochi": ["Burgher Street, Fort Kochi", "Beach Road, Fort Kochi", "Bazaar Road, Mattancherry", "Jew Town, Mattancherry", "Thoppumpady", "Palluruthy", "Willingdon Island"],
  edappally: ["Edappally Toll", "Palarivattom", "Kaloor", "Kakkanad", "Vyttila", "Elamakkara", "Kalamassery", "Chalikkavattom"],
};
const HOUSES = ["Rose Villa", "Sree Nilayam", "Flat 4B, Marine Heights", "Thekkedath House", "Flat 12A, Skyline Apartments", "Kottaram House", "Green Gardens", "Ambady"];

const NOTES: Record<string, readonly string[]> = {
  Starters: ["Extra crispy", "Less oil", "Less spicy"],
  Mains: ["Less spicy", "Extra gravy", "No coriander", "Spicy, please"],
  Breads: ["Well done", "Pack separately"],
  Desserts: ["Serve warm", "Less sweet"],
  Drinks: ["No sugar", "Salted, not sweet", "Less ice"],
};

/** What a customer with an allergy marks on a line, by what the dish is made with. */
const ALLERGENS_BY_DISH: [RegExp, Allergen[]][] = [
  [/Prawn/, ["SHELLFISH"]],
  [/Fish|Meen/, ["FISH"]],
  [/Parotta|Gobi|Chicken 65/, ["GLUTEN"]],
  [/Payasam|Pradhaman|Biryani/, ["DAIRY", "TREE_NUTS"]],
  [/Stew|Appam/, ["TREE_NUTS"]],
];

export interface Customer {
  name: string;
  phone: string;
}

export function customer(random: Random): Customer {
  const mobile = `9${intBetween(random, 4000, 9999)} ${String(intBetween(random, 0, 99_999)).padStart(5, "0")}`;
  return { name: `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`, phone: `+91 ${mobile}` };
}

export function deliveryAddress(random: Random, restaurantSlug: string): string {
  return `${pick(random, HOUSES)}, ${pick(random, AREAS[restaurantSlug] ?? ["Kochi"])}, Kochi`;
}

/** About one line in eight has a note, one in twenty-five an allergen marked. */
export function lineExtras(random: Random, dish: { name: string; category: string }): { notes: string | null; allergens: Allergen[] } {
  const notes = NOTES[dish.category];
  const allergens = ALLERGENS_BY_DISH.find(([pattern]) => pattern.test(dish.name))?.[1];
  return {
    notes: notes && chance(random, 0.12) ? pick(random, notes) : null,
    allergens: allergens && chance(random, 0.04) ? [pick(random, allergens)] : [],
  };
}
