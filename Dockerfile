# syntax=docker/dockerfile:1@sha256:ecfaec9ed6d810b56388c508f4121597bfbba70d41a6dfeee4d8cad5f295fc32
# The whole product in one image: the React client built in a Node stage, the WebApi published in an SDK stage,
# both served by the ASP.NET runtime as a non-root user. Every base image (and the Dockerfile syntax itself) is pinned
# by digest, so a rebuild gets the same bytes whatever a tag points to later; the tag stays for humans and for
# Dependabot, which proposes new digests weekly (.github/dependabot.yml). SDK 10.0.302 and runtime 10.0.10 are one release.

FROM node:20-bookworm-slim@sha256:2cf067cfed83d5ea958367df9f966191a942351a2df77d6f0193e162b5febfc0 AS client
WORKDIR /src/client
COPY client/package.json client/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY client/ ./
RUN npm run build

# compose's dev-profile mail catcher: maildev from the client's locked dev dependencies (the version ./run.sh and
# the browser tests use), so it needs no image of its own to pin. Not part of the product image (the last stage).
FROM client AS mailcatcher
USER node
EXPOSE 1025 1080
ENTRYPOINT ["/src/client/node_modules/.bin/maildev", "--smtp", "1025", "--web", "1080", "--ip", "0.0.0.0", "--web-ip", "0.0.0.0"]

FROM mcr.microsoft.com/dotnet/sdk:10.0.302@sha256:ed034a8bf0b24ded0cbbac07e17825d8e9ebfe21e308191d0f7421eaf5ad4664 AS api
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props OrderTracking.sln .editorconfig ./
COPY src/Domain/Domain.csproj src/Domain/
COPY src/Application/Application.csproj src/Application/
COPY src/Infrastructure/Infrastructure.csproj src/Infrastructure/
COPY src/DemoData/DemoData.csproj src/DemoData/
COPY src/WebApi/WebApi.csproj src/WebApi/
RUN dotnet restore src/WebApi/WebApi.csproj
COPY src/ src/
RUN dotnet publish src/WebApi/WebApi.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0.10@sha256:1fa23fc4872d95fd71c2833ebe65d7e84a43b2d51a31d119516852f13d9505a7 AS runtime
WORKDIR /app
COPY --from=api /app ./
COPY --from=client /src/client/dist ./wwwroot
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    ORDERTRACKING_SKIP_DOTENV=1
EXPOSE 8080
# The image's built-in non-root user.
USER $APP_UID
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["dotnet", "OrderTracking.WebApi.dll", "healthcheck", "http://127.0.0.1:8080/health/ready"]
ENTRYPOINT ["dotnet", "OrderTracking.WebApi.dll"]
