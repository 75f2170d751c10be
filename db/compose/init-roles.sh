#!/bin/sh
# Runs once, inside the official postgres image, when its data volume is new
# (/docker-entrypoint-initdb.d). Creates NEXO's owner and application roles and hands the
# database to the owner; the application then migrates it with Flyway as the owner.
#
# Environment (docker-compose.yml passes them): POSTGRES_USER, POSTGRES_DB (set by the image),
# NEXO_DB_OWNER_USER, NEXO_DB_OWNER_PASSWORD, NEXO_DB_APP_USER, NEXO_DB_APP_PASSWORD.
# NEXO_ROLES_SQL overrides where db/roles/create-roles.sql is mounted (default /nexo/create-roles.sql).
set -eu

roles_sql=${NEXO_ROLES_SQL:-/nexo/create-roles.sql}
owner=${NEXO_DB_OWNER_USER:?NEXO_DB_OWNER_USER is not set}
owner_password=${NEXO_DB_OWNER_PASSWORD:?NEXO_DB_OWNER_PASSWORD is not set}
app=${NEXO_DB_APP_USER:?NEXO_DB_APP_USER is not set}
app_password=${NEXO_DB_APP_PASSWORD:?NEXO_DB_APP_PASSWORD is not set}

fail() { echo "init-roles.sh: $*" >&2; exit 1; }

# The same rules as the application's development bootstrap: plain lower-case identifiers, and
# passwords without quotes (create-roles.sql puts them in SQL string literals) or line breaks.
for name in "$owner" "$app" "$POSTGRES_DB"; do
    printf '%s' "$name" | grep -Eqx '[a-z_][a-z0-9_]{0,62}' ||
        fail "not a plain lower-case SQL identifier: $name"
done
[ "$owner" != "$app" ] || fail "the owner and application roles must differ"
for password in "$owner_password" "$app_password"; do
    case $password in
        *"'"* | *'
'*) fail "database passwords must not contain quotes or line breaks" ;;
    esac
done

# Escapes a value for the replacement side of a sed s|...|...| command.
sed_value() { printf '%s' "$1" | sed -e 's/[\\&|]/\\&/g'; }

sed -e "s|\${owner_role}|$(sed_value "$owner")|g" \
    -e "s|\${owner_password}|$(sed_value "$owner_password")|g" \
    -e "s|\${app_role}|$(sed_value "$app")|g" \
    -e "s|\${app_password}|$(sed_value "$app_password")|g" \
    "$roles_sql" |
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
ALTER DATABASE "$POSTGRES_DB" OWNER TO "$owner";
ALTER SCHEMA public OWNER TO "$owner";
REVOKE ALL ON DATABASE "$POSTGRES_DB" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE "$POSTGRES_DB" TO "$app";
SQL
echo "init-roles.sh: roles $owner and $app ready; database $POSTGRES_DB owned by $owner"
