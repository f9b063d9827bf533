import { test, expect, appReady } from "./fixtures";
import { help } from "./content";

test("every urgent help number is a tap-to-call or tap-to-text link beside its country", async ({ page }) => {
  await page.goto("/help");
  await appReady(page);
  for (const service of help.service) {
    const card = page.locator(`article[id="${service.id}"]`);
    await expect(card).toContainText(service.country);
    for (const contact of service.contacts.filter((c) => c.number)) {
      const digits = contact.number!.replace(/\s/g, "");
      const scheme = contact.how === "call" ? "tel:" : "sms:";
      const link = card.locator(`a[href^="${scheme}${digits}"]`);
      await expect(link, `${service.id}: ${contact.how} ${contact.number}`).toHaveCount(1);
      await expect(link).toContainText(contact.number!);
    }
  }
  await expect(page.getByText(`These numbers were checked in ${help.checked}.`)).toBeVisible();
});

test("111 is never shown without saying which country it is for", async ({ page }) => {
  await page.goto("/help");
  await appReady(page);
  for (const link of await page.locator('a[href="tel:111"]').all()) {
    const card = link.locator("xpath=ancestor::article[1]");
    await expect(card.locator("h3")).toContainText(/\((England|Scotland|New Zealand)\)/);
  }
});
