# NEXO container image. Multi-architecture: the eclipse-temurin images exist for linux/amd64 and
# linux/arm64 (a Raspberry Pi 4/5 on a 64-bit OS), so `docker build .` works on either.
#   docker build -t nexo .
#   docker buildx build --platform linux/amd64,linux/arm64 -t <registry>/nexo:<tag> --push .

# --- Build ----------------------------------------------------------------------------------------
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src

# Dependencies first: this layer is rebuilt only when pom.xml or the wrapper changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q -Pproduction dependency:go-offline

# Production build: Vaadin's pre-compiled front-end bundle, no Node needed. Formatting is checked by
# CI, not here. The Spring Boot jar is then split into layers that change at different rates.
COPY src src
COPY frontend frontend
COPY db db
RUN ./mvnw -B -Pproduction -DskipTests -Dspotless.check.skip=true package \
 && java -Djarmode=tools -jar target/nexo-*.jar extract --layers --launcher --destination /layers

# --- Runtime --------------------------------------------------------------------------------------
FROM eclipse-temurin:21-jre

RUN groupadd --system nexo \
 && useradd --system --gid nexo --home-dir /app --no-create-home --shell /usr/sbin/nologin nexo
WORKDIR /app

# Least to most frequently changed. Files stay owned by root: the application only reads them.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./

# The heap follows the container's memory limit (75 % of it). On a Raspberry Pi give the container
# a limit (e.g. `mem_limit: 1g` in Compose): the application needs roughly 350-450 MiB resident.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    PORT=8080 \
    NEXO_DB_BOOTSTRAP_ENABLED=false

USER nexo
EXPOSE 8080

# The JRE image has no guaranteed HTTP client; bash's /dev/tcp is enough for a local probe.
# /actuator/health is public and reports UP only when PostgreSQL and Redis answer.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]

ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
