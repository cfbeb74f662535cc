import { AppError, type Menu, type TokenResponse } from "@orderly/shared";
import { LiveFeed } from "@orderly/shared/client";
import { request } from "./http.ts";
import { SOCKET_OPTIONS } from "./population.ts";

/** GET /api/restaurants/{slug}/menu, as a menu page reads it; throws what the answer says when it is not 200. */
export async function fetchMenu(webUrl: string, slug: string): Promise<Menu> {
  const answer = await request(`${webUrl}/api/restaurants/${slug}/menu`);
  if (answer.status !== 200) throw AppError.fromBody(answer.status, answer.body);
  return answer.body as Menu;
}

async function fetchGuestToken(webUrl: string, slug: string): Promise<string> {
  const answer = await request(`${webUrl}/api/restaurants/${slug}/guest-token`, { method: "POST" });
  if (answer.status !== 201) throw AppError.fromBody(answer.status, answer.body);
  return (answer.body as TokenResponse).token;
}

/** A headless menu page: a LiveFeed on a guest token from the guest-token endpoint, holding the menu. */
export class GuestClient {
  refreshes = 0;
  readonly live: LiveFeed;

  private constructor(
    readonly slug: string,
    private token: string,
    webUrl: string,
    realtimeUrl: string,
  ) {
    this.live = new LiveFeed({
      realtimeUrl,
      token: () => this.token,
      loadSnapshot: async () => ({ tickets: [], menu: await fetchMenu(webUrl, slug) }),
      refreshToken: async () => {
        this.refreshes++;
        this.token = await fetchGuestToken(webUrl, slug);
        return this.token;
      },
      socketOptions: SOCKET_OPTIONS,
    });
  }

  static async connect(webUrl: string, realtimeUrl: string, slug: string): Promise<GuestClient> {
    return new GuestClient(slug, await fetchGuestToken(webUrl, slug), webUrl, realtimeUrl);
  }
}
