-- The relay claims events for a while, publishes them with no transaction open, then marks them.
ALTER TABLE "OrderEvent" ADD COLUMN "claimedUntil" TIMESTAMP(3);
ALTER TABLE "RestaurantEvent" ADD COLUMN "claimedUntil" TIMESTAMP(3);
