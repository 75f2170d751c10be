# NEXO container image. Multi-architecture: the eclipse-temurin images exist for linux/amd64 and
# linux/arm64 (a Raspberry Pi 4/5 on a 64-bit OS), so `docker build .` works on either.
#   docker build -t nexo .
#   docker buildx build --platform linux/amd64,linux/arm64 -t <registry>/nexo:<tag> --push .

# --- Build ----------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src

# Dependencies first: this layer is rebuilt only when pom.xml or the wrapper changes.
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q -Pproduction dependency:go-offline

# Production build: Vaadin's pre-compiled front-end bundle, no Node needed. Formatting is checked by
# CI, not here. No AOT cache here: training needs a database, so the container trains on its first
# start (deploy/nexo-start.sh). The Spring Boot jar is then extracted as plain jars (the AOT cache
# covers only classes from plain jars on the class path), split into layers that change at
# different rates; the application jar is renamed nexo.jar, its lib/ beside it.
COPY src src
COPY frontend frontend
COPY db db
RUN ./mvnw -B -Pproduction -DskipTests -Dspotless.check.skip=true -Dnexo.aot.skip=true package \
 && java -Djarmode=tools -jar target/nexo-*.jar extract --layers --destination /layers \
 && mv /layers/application/nexo-*.jar /layers/application/nexo.jar

# --- Runtime --------------------------------------------------------------------------------------
FROM eclipse-temurin:25-jre

# /app/aot holds the AOT cache that the first start trains; mount a volume there to keep it across
# re-created containers (otherwise each new container trains once more).
RUN groupadd --system nexo \
 && useradd --system --gid nexo --home-dir /app --no-create-home --shell /usr/sbin/nologin nexo \
 && mkdir -p /app/aot && chown nexo:nexo /app/aot
WORKDIR /app

# Least to most frequently changed. Files stay owned by root: the application only reads them.
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
COPY deploy/nexo-start.sh deploy/aot-cache.sh deploy/pi-java-opts ./

# The heap follows the container's memory limit (75 % of it). On a Raspberry Pi use the settings of
# deploy/pi-java-opts (in the image as /app/pi-java-opts; NEXO_PI_JAVA_OPTS reaches the JVM through
# nexo-start.sh), which keep the application at about 350 MiB resident.
# NEXO_AOT=off starts without the AOT cache (and without the training start).
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    PORT=8080 \
    NEXO_DB_BOOTSTRAP_ENABLED=false \
    NEXO_AOT=on

USER nexo
EXPOSE 8080

# The JRE image has no guaranteed HTTP client; bash's /dev/tcp is enough for a local probe.
# /actuator/health is public and reports UP only when PostgreSQL and Redis answer.
# The first start of a container trains the AOT cache and then starts again: on a Raspberry Pi that
# (with the database's first migration) takes minutes, hence the long start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=300s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]

ENTRYPOINT ["/app/nexo-start.sh"]
