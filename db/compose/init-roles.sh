#!/bin/sh
# Runs once, inside the official postgres image, when its data volume is new
# (/docker-entrypoint-initdb.d). Creates NEXO's owner and application roles and hands the
# database to the owner; the application then migrates it with Flyway as the owner.
set -eu
sed -e "s/\${owner_role}/${NEXO_DB_OWNER_USER}/g" \
    -e "s/\${owner_password}/${NEXO_DB_OWNER_PASSWORD}/g" \
    -e "s/\${app_role}/${NEXO_DB_APP_USER}/g" \
    -e "s/\${app_password}/${NEXO_DB_APP_PASSWORD}/g" \
    /nexo/create-roles.sql |
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
ALTER DATABASE "$POSTGRES_DB" OWNER TO "$NEXO_DB_OWNER_USER";
ALTER SCHEMA public OWNER TO "$NEXO_DB_OWNER_USER";
REVOKE ALL ON DATABASE "$POSTGRES_DB" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE "$POSTGRES_DB" TO "$NEXO_DB_APP_USER";
SQL
