#!/usr/bin/env bash
# Adds an EF Core migration named NAME for both databases, SQLite and PostgreSQL, with the repository's own dotnet-ef
# (.config/dotnet-tools.json), so that the two providers never drift apart:
#
#   tools/add-migration.sh AddContactFax
#
# Each provider project is its own design-time start-up project (its DesignTimeFactory needs no database server).
# Both migrations are made or neither: when the second fails, the first is taken back. Afterwards the test
# Touchpoint.IntegrationTests Persistence/MigrationTests checks that the migrations cover the model on both.
set -euo pipefail

if [[ $# -ne 1 || ! $1 =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "usage: tools/add-migration.sh NAME   (NAME in PascalCase, letters and digits, e.g. AddContactFax)" >&2
  exit 2
fi
name=$1
cd "$(dirname "$0")/.."
projects=(src/Touchpoint.Persistence.Sqlite src/Touchpoint.Persistence.PostgreSql)

for project in "${projects[@]}"; do
  if compgen -G "$project/Migrations/*_$name.cs" >/dev/null; then
    echo "$project already has a migration named $name." >&2
    exit 1
  fi
done

dotnet tool restore >/dev/null
# One build for both; each migration is then made from it.
for project in "${projects[@]}"; do
  dotnet build "$project" -c Release -nologo -clp:ErrorsOnly -v quiet
done

# Both or neither: the migration folders as they were, put back if a step fails.
backup=$(mktemp -d)
for project in "${projects[@]}"; do
  # A first migration (or a squash) starts from no folder at all.
  mkdir -p "$backup/$project" "$project/Migrations" && cp -a "$project/Migrations/." "$backup/$project/"
done
restore() {
  echo "Adding $name failed; the migration folders are as they were." >&2
  for project in "${projects[@]}"; do
    rm -rf "$project/Migrations" && mkdir -p "$project/Migrations" && cp -a "$backup/$project/." "$project/Migrations/"
  done
}
trap 'restore; rm -rf "$backup"' ERR
trap 'rm -rf "$backup"' EXIT

for project in "${projects[@]}"; do
  echo "== $project"
  dotnet dotnet-ef migrations add "$name" --project "$project" --startup-project "$project" \
    --configuration Release --no-build --output-dir Migrations
done

echo
echo "Added $name for SQLite and PostgreSQL:"
git status --short -- "${projects[@]/%//Migrations}"
echo "Read both Up() methods: each database gets the change its own way. Then build, and run the migration test:"
echo "  dotnet test tests/Touchpoint.IntegrationTests -c Release --filter FullyQualifiedName~MigrationTests"
