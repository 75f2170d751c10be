#!/bin/sh
# Runs once, inside the official postgres image, when its data volume is new
# (/docker-entrypoint-initdb.d). Creates NEXO's owner, application and actor roles and hands the
# database to the owner; the application then migrates it with Flyway as the owner.
#
# Safe to run again on a running database (everything it does is idempotent): an installation made
# before the actor roles existed runs it once before starting the new version, e.g.
#   docker compose exec postgres sh /docker-entrypoint-initdb.d/10-nexo-roles.sh
#
# Environment (docker-compose.yml passes them): POSTGRES_USER, POSTGRES_DB (set by the image),
# NEXO_DB_OWNER_USER, NEXO_DB_OWNER_PASSWORD, NEXO_DB_APP_USER, NEXO_DB_APP_PASSWORD, and the actor
# roles NEXO_DB_ROLES_STAFF, NEXO_DB_ROLES_CLIENT, NEXO_DB_ROLES_SUPPLIER, NEXO_DB_ROLES_PROFESSIONAL,
# NEXO_DB_ROLES_OPERATOR, NEXO_DB_ROLES_VISITOR (default nexo_staff, nexo_client, ...; the application must use the same).
# NEXO_ROLES_SQL overrides where db/roles/create-roles.sql is mounted (default /nexo/create-roles.sql).
set -eu

roles_sql=${NEXO_ROLES_SQL:-/nexo/create-roles.sql}
owner=${NEXO_DB_OWNER_USER:?NEXO_DB_OWNER_USER is not set}
owner_password=${NEXO_DB_OWNER_PASSWORD:?NEXO_DB_OWNER_PASSWORD is not set}
app=${NEXO_DB_APP_USER:?NEXO_DB_APP_USER is not set}
app_password=${NEXO_DB_APP_PASSWORD:?NEXO_DB_APP_PASSWORD is not set}
staff=${NEXO_DB_ROLES_STAFF:-nexo_staff}
client=${NEXO_DB_ROLES_CLIENT:-nexo_client}
supplier=${NEXO_DB_ROLES_SUPPLIER:-nexo_supplier}
professional=${NEXO_DB_ROLES_PROFESSIONAL:-nexo_professional}
operator=${NEXO_DB_ROLES_OPERATOR:-nexo_operator}
visitor=${NEXO_DB_ROLES_VISITOR:-nexo_visitor}

fail() { echo "init-roles.sh: $*" >&2; exit 1; }

# The same rules as the application's development bootstrap: plain lower-case identifiers, and
# passwords without quotes (create-roles.sql puts them in SQL string literals) or line breaks.
for name in "$owner" "$app" "$POSTGRES_DB" "$staff" "$client" "$supplier" "$professional" "$operator" "$visitor"; do
    printf '%s' "$name" | grep -Eqx '[a-z_][a-z0-9_]{0,62}' ||
        fail "not a plain lower-case SQL identifier: $name"
done
roles=$(printf '%s\n' "$owner" "$app" "$staff" "$client" "$supplier" "$professional" "$operator" "$visitor")
[ "$(printf '%s\n' "$roles" | sort -u | wc -l)" -eq 8 ] || fail "the owner, application and actor roles must all differ"
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
    -e "s|\${staff_role}|$(sed_value "$staff")|g" \
    -e "s|\${client_role}|$(sed_value "$client")|g" \
    -e "s|\${supplier_role}|$(sed_value "$supplier")|g" \
    -e "s|\${professional_role}|$(sed_value "$professional")|g" \
    -e "s|\${operator_role}|$(sed_value "$operator")|g" \
    -e "s|\${visitor_role}|$(sed_value "$visitor")|g" \
    "$roles_sql" |
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
ALTER DATABASE "$POSTGRES_DB" OWNER TO "$owner";
ALTER SCHEMA public OWNER TO "$owner";
REVOKE ALL ON DATABASE "$POSTGRES_DB" FROM PUBLIC;
GRANT CONNECT ON DATABASE "$POSTGRES_DB" TO "$app";
REVOKE TEMPORARY ON DATABASE "$POSTGRES_DB" FROM "$app";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SQL
echo "init-roles.sh: roles $owner, $app and the actor roles ($staff, $client, $supplier, $professional," \
    "$operator, $visitor) ready; database $POSTGRES_DB owned by $owner"
