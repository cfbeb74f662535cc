import { expect, test } from "@playwright/test";

test("the home page leads to the three screens", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Orderly" })).toBeVisible();
  for (const name of ["Order food", "Kitchen display", "Delivery"]) {
    await expect(page.getByRole("link", { name })).toBeVisible();
  }
  const health = await page.request.get("/api/health");
  expect(await health.json()).toEqual({ status: "ok", database: "ok" });
});
