// Prepended to the generated client by NSwag (extensionCode). Every generated client extends this base,
// which lets the app set the access token and handle responses in one place (the web client configures it in client/src/lib/api-client.ts).
export interface ApiClientConfiguration {
  getAccessToken(): string | undefined;
}

export class ApiClientBase {
  protected constructor(protected readonly configuration: ApiClientConfiguration) {}

  protected transformOptions(options: RequestInit): Promise<RequestInit> {
    const token = this.configuration.getAccessToken();
    if (token) {
      options.headers = { ...(options.headers as Record<string, string>), Authorization: `Bearer ${token}` };
    }
    return Promise.resolve(options);
  }
}
