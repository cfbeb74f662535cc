import { HttpError, errorResponse } from "@/http/http-error.ts";

const unknown = (request: Request) =>
  errorResponse(new HttpError(404, "NOT_FOUND", `No API route ${request.method} ${new URL(request.url).pathname}`));

export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE };
