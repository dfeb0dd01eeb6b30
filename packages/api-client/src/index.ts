// The package's entry: everything NSwag generated from src/WebApi/openapi.json (clients, DTO types, ApiException).
export * from './generated.js';
