import { AppError } from "@orderly/shared";
import { errorResponse } from "@/http/error-response.ts";

const unknown = (request: Request) =>
  errorResponse(new AppError("NOT_FOUND", `No API route ${request.method} ${new URL(request.url).pathname}`));

export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE };
