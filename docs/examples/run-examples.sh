#!/usr/bin/env bash
# Runs every worked example of docs/measures.md from the repository root and prints its output.
set -u
cd "$(dirname "$0")/../.."
run() { echo "\$ ruralbridge $*"; node --import tsx src/cli/main.ts "$@" 2>&1; local rc=$?; echo; return $rc; }
run measure fgt --input docs/examples/incomes.csv --spec docs/examples/fgt.spec.json
run measure fgt --input docs/examples/incomes.csv --spec docs/examples/fgt.spec.json --json
run measure gini --input docs/examples/incomes.csv --spec docs/examples/gini.spec.json
run measure mpi --input docs/examples/mpi.csv --spec docs/examples/mpi.spec.json
run measure mpi --input docs/examples/mpi.csv --spec docs/examples/mpi.spec.json --json
run evaluate entropy --input docs/examples/villages.csv --spec docs/examples/entropy.spec.json
run evaluate topsis --input docs/examples/villages.csv --spec docs/examples/topsis.spec.json
run evaluate topsis --input docs/examples/villages.csv --spec docs/examples/topsis.spec.json --json
run evaluate coupling --input docs/examples/coupling.csv --spec docs/examples/coupling.spec.json
run evaluate coupling --input docs/examples/coupling.csv --spec docs/examples/coupling.spec.json --json
# Bad input: exit code 2, a message naming the row and column, or the unknown column.
run measure fgt --input docs/examples/bad-incomes.csv --spec docs/examples/fgt.spec.json; echo "exit code: $?"
run measure fgt --input docs/examples/incomes.csv --spec docs/examples/bad.spec.json; echo "exit code: $?"
