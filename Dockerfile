# The ActorExec node (also the paper exchange: `paper-exchange` as the first argument).
# Build: docker build -t actorexec-node .      Used by docker-compose.yml.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/ActorExec.Node/ActorExec.Node.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY hocon /app/hocon
# Data (logs; the journal is in PostgreSQL in a cluster) lives in a volume.
VOLUME /data
EXPOSE 9110 9300
ENTRYPOINT ["dotnet", "ActorExec.Node.dll"]
CMD ["--profile", "cluster", "--data", "/data"]
