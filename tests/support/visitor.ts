// A browser-like HTTP client for integration tests: keeps the session cookie and sends our Origin.
export class Visitor {
  private cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(";");
      const [name, ...rest] = pair!.split("=");
      const value = rest.join("=");
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === "") this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
  }

  /** The same browser (a copy of its cookies) talking to another server instance. */
  at(baseUrl: string): Visitor {
    const copy = new Visitor(baseUrl);
    copy.cookies = new Map(this.cookies);
    return copy;
  }

  get sessionCookie(): string | undefined {
    return this.cookies.get("poet_session");
  }

  async get(path: string): Promise<Response> {
    const response = await fetch(this.baseUrl + path, { redirect: "manual", headers: { Cookie: this.cookieHeader() } });
    this.remember(response);
    return response;
  }

  async post(path: string, form: Record<string, string>, headers: Record<string, string> = { Origin: this.baseUrl }): Promise<Response> {
    const response = await fetch(this.baseUrl + path, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: this.cookieHeader(), "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(form),
    });
    this.remember(response);
    return response;
  }

  /** Posts JSON as a page's own fetch() does, with the cookie and our Origin. */
  async postJson(path: string, body: unknown): Promise<Response> {
    const response = await fetch(this.baseUrl + path, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: this.cookieHeader(), Origin: this.baseUrl, "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    });
    this.remember(response);
    return response;
  }

  /** Posts multipart form data (file uploads) as a browser form would, with the cookie and our Origin. */
  async postMultipart(path: string, form: FormData, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(this.baseUrl + path, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: this.cookieHeader(), Origin: this.baseUrl, ...headers },
      body: form,
    });
    this.remember(response);
    return response;
  }

  /** Posts any bytes with any Content-Type (or none), with the cookie and our Origin: what a hostile client sends. */
  async postRaw(path: string, body: string | Uint8Array, contentType: string | null): Promise<Response> {
    const headers: Record<string, string> = { Cookie: this.cookieHeader(), Origin: this.baseUrl };
    if (contentType !== null) headers["Content-Type"] = contentType;
    // A Blob with no type adds no Content-Type of its own (a string would add text/plain).
    const response = await fetch(this.baseUrl + path, { method: "POST", redirect: "manual", headers, body: typeof body === "string" ? body : new Blob([new Uint8Array(body)]) });
    this.remember(response);
    return response;
  }

  /** Signs in through the real form; throws unless it redirected. */
  async signIn(email: string, password: string): Promise<this> {
    const response = await this.post("/login", { email, password, redirectTo: "/" });
    if (response.status !== 302) throw new Error(`sign-in failed for ${email}: ${response.status} ${await response.text()}`);
    return this;
  }
}

export const location = (response: Response) => response.headers.get("Location") ?? "";
