# syntax=docker/dockerfile:1
# One image recipe for every service. Pick the module with a build argument:
#   docker build --build-arg SERVICE=provisioning-service --build-arg SERVICE_PORT=8081 \
#     --build-arg MANAGEMENT_PORT=9081 -t conference/provisioning-service .
# SERVICE is the module's directory (e.g. gateway-service, infra/edge-simulator or infra/sip-edge); SERVICE_PORT the port it serves
# its API on (SERVER_PORT); MANAGEMENT_PORT the port of its actuator (health, metrics), by convention SERVICE_PORT +
# 1000. Needs BuildKit (the default builder of Docker Engine 23+ and of `docker compose`).

ARG SERVICE=gateway-service

# ---- build: compile the module and what it depends on, then split the Boot jar into its layers ----
FROM maven:3.9.11-eclipse-temurin-17 AS build
ARG SERVICE
WORKDIR /src
COPY . .
# One Maven repository cache for all five image builds; "locked" makes parallel builds take turns instead of racing.
RUN --mount=type=cache,id=conference-m2,target=/root/.m2,sharing=locked \
    mvn -B -q -DskipTests -pl "$SERVICE" -am package
# A module whose plain jar is a library (infra/sip-edge) builds its runnable jar under the classifier "exec".
RUN set -eu; \
    jar="$(ls "$SERVICE"/target/"$(basename "$SERVICE")"-*-exec.jar 2>/dev/null | head -n 1)"; \
    [ -n "$jar" ] || jar="$(ls "$SERVICE"/target/"$(basename "$SERVICE")"-*.jar | grep -v -- '-plain\.jar$' | head -n 1)"; \
    java -Djarmode=tools -jar "$jar" extract --layers --launcher --destination /layers

# ---- runtime: JRE only, non-root, layers ordered from least to most often changed ----
FROM eclipse-temurin:17-jre
ARG SERVICE
ARG SERVICE_PORT=8080
ARG MANAGEMENT_PORT=9080
LABEL org.opencontainers.image.title="$SERVICE" \
      org.opencontainers.image.description="Conference API v1 - $SERVICE"
RUN groupadd --system --gid 10001 conference \
 && useradd --system --uid 10001 --gid conference --home-dir /app --no-create-home conference \
 && mkdir -p /app \
 && printf '%s\n' \
      '#!/bin/bash' \
      '# Container health: GET /actuator/health on the management port answers "status":"UP".' \
      '# (No curl or wget in the JRE image; MANAGEMENT_PORT is set by the image, SERVER_PORT + 1000 otherwise.)' \
      'port="${MANAGEMENT_PORT:-$(( ${SERVER_PORT:-8080} + 1000 ))}"' \
      'exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1' \
      'printf "GET /actuator/health HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n" >&3' \
      'timeout 5 cat <&3 | grep -q "\"status\":\"UP\""' \
      > /usr/local/bin/healthcheck \
 && chmod 0755 /usr/local/bin/healthcheck
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001:10001
ENV SERVER_PORT=${SERVICE_PORT} \
    MANAGEMENT_PORT=${MANAGEMENT_PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
# The management port is for the container network (health checks, Prometheus), not for publishing.
EXPOSE ${SERVICE_PORT} ${MANAGEMENT_PORT}
HEALTHCHECK --interval=10s --timeout=6s --start-period=60s --retries=5 CMD ["/usr/local/bin/healthcheck"]
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
