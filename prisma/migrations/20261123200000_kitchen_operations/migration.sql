-- Kitchen operations: stations and item bumps, recall, rush, close reasons, explicit allergens,
-- and typed order events (existing rows become STATUS_CHANGED events).

-- CreateEnum
ALTER TYPE "ActorRole" ADD VALUE 'STATION' BEFORE 'DELIVERY';
CREATE TYPE "Allergen" AS ENUM ('PEANUTS', 'TREE_NUTS', 'GLUTEN', 'DAIRY', 'EGG', 'FISH', 'SHELLFISH', 'SOY', 'SESAME');
CREATE TYPE "CloseReason" AS ENUM ('ITEM_UNAVAILABLE', 'KITCHEN_TOO_BUSY', 'CLOSING_SOON', 'CUSTOMER_ASKED', 'DUPLICATE_ORDER', 'OTHER');
CREATE TYPE "OrderEventType" AS ENUM ('STATUS_CHANGED', 'ITEM_DONE', 'ITEM_UNDONE', 'PRIORITY_CHANGED', 'ESTIMATE_CHANGED', 'COURIER_ASSIGNED');

-- Restaurants keep the expo they had.
ALTER TABLE "Restaurant" ADD COLUMN "usesExpo" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable: one station per existing kitchen, where every existing item is made.
CREATE TABLE "Station" (
    "id" TEXT NOT NULL,
    "restaurantId" TEXT NOT NULL,
    "kitchenId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Station_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Station_kitchenId_name_key" ON "Station"("kitchenId", "name");
ALTER TABLE "Station" ADD CONSTRAINT "Station_restaurantId_fkey" FOREIGN KEY ("restaurantId") REFERENCES "Restaurant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Station" ADD CONSTRAINT "Station_kitchenId_fkey" FOREIGN KEY ("kitchenId") REFERENCES "Kitchen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
INSERT INTO "Station" ("id", "restaurantId", "kitchenId", "name")
SELECT gen_random_uuid()::text, "restaurantId", "id", 'Kitchen' FROM "Kitchen";

ALTER TABLE "MenuItem" ADD COLUMN "stationId" TEXT;
UPDATE "MenuItem" m SET "stationId" = (
    SELECT s."id" FROM "Station" s JOIN "Kitchen" k ON k."id" = s."kitchenId"
    WHERE k."restaurantId" = m."restaurantId" ORDER BY k."name", s."name" LIMIT 1
);
ALTER TABLE "MenuItem" ALTER COLUMN "stationId" SET NOT NULL;
ALTER TABLE "MenuItem" ADD CONSTRAINT "MenuItem_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "OrderItem" ADD COLUMN "allergens" "Allergen"[] DEFAULT ARRAY[]::"Allergen"[];
ALTER TABLE "OrderItem" ADD COLUMN "stationId" TEXT;
ALTER TABLE "OrderItem" ADD COLUMN "doneAt" TIMESTAMP(3);
UPDATE "OrderItem" i SET "stationId" = m."stationId" FROM "MenuItem" m WHERE m."id" = i."menuItemId";
ALTER TABLE "OrderItem" ALTER COLUMN "stationId" SET NOT NULL;
ALTER TABLE "OrderItem" ADD CONSTRAINT "OrderItem_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Order" ADD COLUMN "rush" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Order" ADD COLUMN "recalledAt" TIMESTAMP(3);
ALTER TABLE "Order" ADD COLUMN "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "Order" ADD COLUMN "previousStatus" "OrderStatus";
ALTER TABLE "Order" ADD COLUMN "closeReason" "CloseReason";
ALTER TABLE "Order" ADD COLUMN "closeNote" TEXT;
UPDATE "Order" o SET "statusChangedAt" = e."createdAt", "previousStatus" = e."fromStatus"
FROM "OrderEvent" e WHERE e."orderId" = o."id" AND e."seq" = o."seq";

-- Typed events: every existing row was a status change.
ALTER TABLE "OrderEvent" ADD COLUMN "type" "OrderEventType" NOT NULL DEFAULT 'STATUS_CHANGED';
ALTER TABLE "OrderEvent" ADD COLUMN "payload" JSONB;
UPDATE "OrderEvent" SET "payload" = jsonb_build_object('from', "fromStatus", 'to', "toStatus");
ALTER TABLE "OrderEvent" ALTER COLUMN "type" DROP DEFAULT;
ALTER TABLE "OrderEvent" ALTER COLUMN "payload" SET NOT NULL;
ALTER TABLE "OrderEvent" DROP COLUMN "fromStatus";
ALTER TABLE "OrderEvent" DROP COLUMN "toStatus";
