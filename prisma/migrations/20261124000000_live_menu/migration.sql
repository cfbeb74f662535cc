-- Live menu: restaurant events, pausing and busy mode, an order cap per 15-minute slot, opening
-- hours in the restaurant's time zone, scheduled orders, and menu categories with a sort order.

ALTER TYPE "OrderStatus" ADD VALUE 'SCHEDULED' BEFORE 'PLACED';
CREATE TYPE "RestaurantEventType" AS ENUM ('ITEM_AVAILABILITY', 'ORDERING_CHANGED');

ALTER TABLE "Restaurant" ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'Asia/Kolkata';
ALTER TABLE "Restaurant" ADD COLUMN "seq" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Restaurant" ADD COLUMN "paused" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Restaurant" ADD COLUMN "pauseReason" TEXT;
ALTER TABLE "Restaurant" ADD COLUMN "extraPrepMinutes" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Restaurant" ADD COLUMN "orderCap" INTEGER;

-- CreateTable: existing restaurants stay open around the clock.
CREATE TABLE "OpeningHours" (
    "id" TEXT NOT NULL,
    "restaurantId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "opensMinute" INTEGER NOT NULL,
    "closesMinute" INTEGER NOT NULL,

    CONSTRAINT "OpeningHours_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "OpeningHours_restaurantId_idx" ON "OpeningHours"("restaurantId");
ALTER TABLE "OpeningHours" ADD CONSTRAINT "OpeningHours_restaurantId_fkey" FOREIGN KEY ("restaurantId") REFERENCES "Restaurant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
INSERT INTO "OpeningHours" ("id", "restaurantId", "weekday", "opensMinute", "closesMinute")
SELECT gen_random_uuid()::text, r."id", d, 0, 1440 FROM "Restaurant" r CROSS JOIN generate_series(1, 7) AS d;

-- CreateTable: one category per existing category name, in the menu's usual order.
CREATE TABLE "MenuCategory" (
    "id" TEXT NOT NULL,
    "restaurantId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MenuCategory_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "MenuCategory_restaurantId_name_key" ON "MenuCategory"("restaurantId", "name");
ALTER TABLE "MenuCategory" ADD CONSTRAINT "MenuCategory_restaurantId_fkey" FOREIGN KEY ("restaurantId") REFERENCES "Restaurant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
INSERT INTO "MenuCategory" ("id", "restaurantId", "name", "sortOrder")
SELECT gen_random_uuid()::text, "restaurantId", "category",
       COALESCE(array_position(ARRAY['Starters', 'Mains', 'Breads', 'Desserts', 'Drinks'], "category") - 1, 100)
FROM (SELECT DISTINCT "restaurantId", "category" FROM "MenuItem") c;

DROP INDEX "MenuItem_restaurantId_category_idx";
ALTER TABLE "MenuItem" ADD COLUMN "categoryId" TEXT;
ALTER TABLE "MenuItem" ADD COLUMN "sortOrder" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "MenuItem" ADD COLUMN "soldOutUntil" TIMESTAMP(3);
UPDATE "MenuItem" m SET "categoryId" = c."id" FROM "MenuCategory" c WHERE c."restaurantId" = m."restaurantId" AND c."name" = m."category";
ALTER TABLE "MenuItem" ALTER COLUMN "categoryId" SET NOT NULL;
ALTER TABLE "MenuItem" DROP COLUMN "category";
CREATE INDEX "MenuItem_restaurantId_idx" ON "MenuItem"("restaurantId");
ALTER TABLE "MenuItem" ADD CONSTRAINT "MenuItem_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "MenuCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Existing orders count against the slot they were placed in.
ALTER TABLE "Order" ADD COLUMN "scheduledFor" TIMESTAMP(3);
ALTER TABLE "Order" ADD COLUMN "releaseAt" TIMESTAMP(3);
ALTER TABLE "Order" ADD COLUMN "slotStart" TIMESTAMP(3);
UPDATE "Order" SET "slotStart" = to_timestamp(floor(extract(epoch FROM "createdAt") / 900) * 900) AT TIME ZONE 'UTC';
ALTER TABLE "Order" ALTER COLUMN "slotStart" SET NOT NULL;
CREATE INDEX "Order_restaurantId_slotStart_idx" ON "Order"("restaurantId", "slotStart");
CREATE INDEX "Order_status_releaseAt_idx" ON "Order"("status", "releaseAt");

-- CreateTable
CREATE TABLE "RestaurantEvent" (
    "id" TEXT NOT NULL,
    "restaurantId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" "RestaurantEventType" NOT NULL,
    "payload" JSONB NOT NULL,
    "actorRole" "ActorRole" NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "RestaurantEvent_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "RestaurantEvent_restaurantId_seq_key" ON "RestaurantEvent"("restaurantId", "seq");
CREATE INDEX "RestaurantEvent_publishedAt_createdAt_idx" ON "RestaurantEvent"("publishedAt", "createdAt");
ALTER TABLE "RestaurantEvent" ADD CONSTRAINT "RestaurantEvent_restaurantId_fkey" FOREIGN KEY ("restaurantId") REFERENCES "Restaurant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
